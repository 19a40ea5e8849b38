namespace HelloMvc.Web.Exchange;

/// <summary>
/// The site's whole request pipeline, exactly as the server runs it (developer exception page, routing,
/// every middleware, the endpoints), captured when the host builds it.
/// </summary>
public sealed class SitePipeline
{
    private RequestDelegate? _pipeline;

    public RequestDelegate Pipeline =>
        _pipeline ?? throw new InvalidOperationException("The request pipeline is built when the web server starts; a command never starts it.");

    /// <summary>
    /// A startup filter wraps everything the app and the host put in the pipeline, so the first middleware it
    /// adds is handed the rest of the pipeline as its `next`: that is the delegate to keep. It adds no step of its own.
    /// </summary>
    internal sealed class Capture(SitePipeline site) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(rest => site._pipeline = rest);
            next(app);
        };
    }
}
