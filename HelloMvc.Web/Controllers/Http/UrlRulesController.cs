using HelloMvc.Web.Routing;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

public class UrlRulesController(TimeProvider clock) : HttpChapterController
{
    // Route constraints convert and validate: int and min(0) turn "abc", "-1" and an overflowing year into a 404.
    [HttpGet("goback/{year:int:min(0)}")]
    public IActionResult GoBack(int year) =>
        View(model: clock.GetUtcNow().Year - year);

    // A custom constraint fed by one list: only blue, white and red match.
    [HttpGet("colors/{color:color}")]
    public IActionResult Colors(string color) => View(model: color);

    // Flask's float converter: a custom constraint takes a finite decimal number in invariant form, and binding converts it.
    [HttpGet("half/{number:decimalnumber}")]
    public IActionResult Half(double number) => View(model: number);

    // Flask's path converter: a catch-all parameter takes the rest of the URL, slashes included.
    [HttpGet("path/{**subpath:minlength(1)}")]
    public IActionResult SubPath(string subpath) => View(model: subpath);

    // Flask's uuid converter: the guid constraint matches a UUID, and the action receives a Guid.
    [HttpGet("item/{id:guid}")]
    public IActionResult Item(Guid id) => View(model: id);

    // The note's table of converters, each beside the route constraint that plays its part.
    [HttpGet("converters")]
    public IActionResult Converters() => View();
}
