using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.LookingInside.Source;

[Route("source")]
[Chapter(DemoCatalog.LookingInside)]
public class SourceController(SourceListings code) : Controller
{
    // The code behind a demo, named by the demo's own path (/source/http/brew/coffee): also for demos that answer
    // text, JSON, a redirect or an error. Only the catalogue's demos have a page; anything else is a 404.
    [HttpGet("{**demo}")]
    public IActionResult Show(string? demo) =>
        code.ForDemo("/" + demo?.TrimEnd('/')) is { } source ? View(source) : NotFound();
}
