using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Hello;

[Route("hello")]
[Chapter(DemoCatalog.MinimalApp)]
public class HelloController : Controller
{
    // The minimal app: a route, an action, a view.
    [HttpGet("")]
    public IActionResult Index() => View();

    // One action bound to two URLs.
    [HttpGet("hi")]
    [HttpGet("hello")]
    public IActionResult Hi() => View();

    // A route value with a default, like Flask's defaults={'name': 'Programmer'}; a name with a slash spells it %2F.
    [HttpGet("greet/{name=Programmer}")]
    public IActionResult Greet(string name) => View(model: name);

    // An unhandled exception: the developer exception page in Development, the site's 500 page elsewhere.
    [HttpGet("error")]
    public IActionResult Error() => throw new InvalidOperationException("Thrown on purpose by /hello/error.");
}
