using Microsoft.Extensions.FileProviders;

// The same hosting defaults as HelloMvc (CreateBuilder: configuration, logging, Kestrel), minus MVC,
// so the ratio between the two is the price of controllers, filters, Razor and the layout.
var builder = WebApplication.CreateBuilder(args);

// bench/run.sh saves HelloMvc's own /http/hello response to a file, so both servers send the same bytes.
var helloFile = builder.Configuration["hello-file"] ?? Environment.GetEnvironmentVariable("BASELINE_HELLO_FILE")
    ?? throw new InvalidOperationException("Pass --hello-file PATH (or BASELINE_HELLO_FILE): the /http/hello bytes to serve.");
var hello = File.ReadAllBytes(helloFile);
// Optional: HelloMvc's published wwwroot, to measure its stylesheet against the bare static-file middleware.
var staticRoot = builder.Configuration["static-root"] ?? Environment.GetEnvironmentVariable("BASELINE_STATIC_ROOT");

var app = builder.Build();

// Only under /css: at the root, the middleware would look for a file on disk before every /http/hello.
if (staticRoot is not null)
{
    app.UseStaticFiles(new StaticFileOptions
    {
        RequestPath = "/css",
        FileProvider = new PhysicalFileProvider(Path.Combine(Path.GetFullPath(staticRoot), "css")),
    });
}

app.MapGet("/http/hello", () => Results.Bytes(hello, "text/html; charset=utf-8"));

app.Run();
