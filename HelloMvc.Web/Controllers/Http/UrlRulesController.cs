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
}
