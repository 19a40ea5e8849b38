using HelloMvc.Web.Hosting.Proxy.Caching;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HelloMvc.Web.Controllers;

public class HomeController : Controller
{
    // The index: every demo of the site, rendered from one list.
    [HttpGet("/")]
    [OutputCache(PolicyName = DeterministicPolicy.Name)]
    public IActionResult Index() => View(DemoCatalog.Chapters);

    // `flask routes` as a page: the route table read from the framework's endpoint data.
    [HttpGet("/routes")]
    [OutputCache(PolicyName = DeterministicPolicy.Name)]
    public IActionResult Routes([FromServices] RouteTable routes) =>
        View(routes.Rows());
}
