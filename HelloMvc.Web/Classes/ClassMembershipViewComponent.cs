using HelloMvc.Web.TryIt;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Classes;

/// <summary>
/// On /progress: the class this learner is in, under which name, and a button to leave it; or how to join one. While
/// the store does not answer, it says so in a line and the rest of the page is drawn as usual.
/// </summary>
public sealed class ClassMembershipViewComponent(IClassStore classes, Learners learners) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (learners.IdOf(HttpContext) is not { } learner) return View(new MembershipBox(null, Reachable: true));
        try
        {
            return View(new MembershipBox(await classes.MembershipAsync(learner, HttpContext.RequestAborted), Reachable: true));
        }
        catch (Exception failure) when (ClassStorageUnavailableAttribute.IsStorageFailure(failure))
        {
            return View(new MembershipBox(null, Reachable: false));
        }
    }
}

/// <summary>What the box on /progress shows: the membership, if any, and whether the store answered.</summary>
public sealed record MembershipBox(Membership? Membership, bool Reachable);
