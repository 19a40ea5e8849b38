using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.LookingInside.Source;

[Route("source")]
[Chapter(DemoCatalog.LookingInside)]
public class SourceController(SourceListings code) : Controller
{
    public const string Rest = "rest";

    // The code behind a demo, named by the demo's own path (/source/http/brew/coffee): also for demos that answer
    // text, JSON, a redirect or an error. ?part=rest is the part a demo page folds, as a partial view for its script.
    // Only the catalogue's demos have a page; anything else is a 404.
    [HttpGet("{**demo}")]
    public IActionResult Show(string? demo, [FromQuery] string? part) =>
        code.ForDemo("/" + demo?.TrimEnd('/'), HttpContext) is not { } source ? NotFound()
        : part is null ? View(source)
        : part == Rest ? PartialView("_SourceRest", source.Code)
        : BadRequest();
}
