using System.ComponentModel.DataAnnotations;
using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Models;
using HelloMvc.Web.Negotiation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HelloMvc.Web.Controllers.Http;

/// <summary>
/// The AJAX section: one page whose script (wwwroot/js/post.js, with jQuery) asks these actions for
/// partial HTML, JSON and a 204, and puts the answers into the page without reloading it.
/// </summary>
public class AjaxController(GeneratedText text) : HttpChapterController
{
    private const int TheLongPost = 1;

    // A page that loads the rest of itself with AJAX: the opening paragraphs, then Load More.
    [HttpGet("post")]
    [OutputCache(PolicyName = DeterministicPolicy.Name)]
    public IActionResult Post() => View(text.Post(TheLongPost));

    // What Load More fetches: a partial view (no layout), or the same paragraphs as JSON for a client that asks.
    [HttpGet("more")]
    [OutputCache(PolicyName = DeterministicPolicy.Name, VaryByQueryKeys = new[] { "page" })]
    public IActionResult More([FromQuery, Range(1, int.MaxValue)] int page = 1)
    {
        if (!ModelState.IsValid) return BadRequest();
        var paragraphs = text.Paragraphs(page);
        return Request.PrefersJson()
            ? Json(new { page, paragraphs })
            : PartialView("_Paragraphs", paragraphs);
    }

    // Partial HTML for the page's script to drop in: a post's comments.
    [HttpGet("comments/{postId:int:min(1)}")]
    [OutputCache(PolicyName = DeterministicPolicy.Name)]
    public IActionResult Comments(int postId) =>
        PartialView("_Comments", text.Comments(postId));

    // JSON for the page's script to read: a user's profile.
    [HttpGet("profile/{userId:int:min(1)}")]
    [OutputCache(PolicyName = DeterministicPolicy.Name)]
    public IActionResult Profile(int userId) => Json(text.Profile(userId));

    // 204 No Content for a DELETE; no antiforgery token, since a cross-site page can't send DELETE without a CORS preflight.
    [HttpDelete("post/delete/{postId:int:min(1)}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Delete(int postId) => NoContent();
}
