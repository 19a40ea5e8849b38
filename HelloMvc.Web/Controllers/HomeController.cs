using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HelloMvc.Web.Controllers;

public class HomeController(RouteTable routes) : Controller
{
    // The index: every demo of the site, rendered from one list.
    [HttpGet("/")]
    [OutputCache(PolicyName = DeterministicPolicy.Name)]
    public IActionResult Index() => View(DemoCatalog.Chapters);

    // `flask routes` as a page: the route table read from the framework's endpoint data.
    [HttpGet("/routes")]
    [OutputCache(PolicyName = DeterministicPolicy.Name)]
    public IActionResult Routes() => View(routes.Rows());
}
