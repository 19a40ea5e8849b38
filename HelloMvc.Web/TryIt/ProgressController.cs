using HelloMvc.Web.Classes;
using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Hosting.Storage;
using HelloMvc.Web.Negotiation;
using HelloMvc.Web.TryIt.Progress;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace HelloMvc.Web.TryIt;

/// <summary>This learner's tasks, solved or not, by the note's sections: as a page, or as JSON for the lesson pages' script.</summary>
[NoStore]
public class ProgressController(Learners learners, IProgressStore store) : Controller
{
    // A browser without a learner gets one here: the lesson pages' script asks this, so opening any lesson is enough.
    [HttpGet("/progress")]
    public Task<IActionResult> Show(CancellationToken cancellation) => WhileTheStoreAnswers(async () =>
    {
        var learner = learners.EnsureId(HttpContext);
        var progress = await store.GetAsync(learner, cancellation);
        return Request.PrefersJson()
            ? Json(ProgressJson.Of(progress))
            : View(new ProgressPage(progress, learners.CurlArgument(HttpContext)));
    });

    // Forgetting: the antiforgery token (checked for every POST of the site) keeps another site from resetting a learner.
    [HttpPost("/progress/reset")]
    [LeavesClass]
    public Task<IActionResult> Reset(CancellationToken cancellation) => WhileTheStoreAnswers(async () =>
    {
        if (learners.IdOf(HttpContext) is { } learner)
        {
            await store.ResetAsync(learner, cancellation);
        }
        Response.Headers.Location = Url.Action(nameof(Show));
        return StatusCode(StatusCodes.Status303SeeOther);
    });

    // With Redis down, 503 and Retry-After, as the session's pages answer (the status-code page says why).
    private async Task<IActionResult> WhileTheStoreAnswers(Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception failure) when (failure is RedisException or RedisTimeoutException)
        {
            StorageUnavailable.Answer(HttpContext, failure);
            return new EmptyResult();
        }
    }
}
