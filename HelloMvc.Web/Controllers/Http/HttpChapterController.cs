using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

/// <summary>Chapter 2 lives under /http; every section's controller inherits the prefix and the chapter name.</summary>
[Route("http")]
[Chapter(DemoCatalog.Http)]
public abstract class HttpChapterController : Controller;
