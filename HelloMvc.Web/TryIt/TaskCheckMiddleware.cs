using System.Globalization;
using HelloMvc.Web.Hosting.Storage;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.TryIt.Progress;
using HelloMvc.Web.TryIt.Tasks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.TryIt;

/// <summary>
/// The server's check: for a request of a learner to a path a task watches, once its response is decided, each task
/// that request tries is solved or kept as a near miss. Every other request goes on untouched: one look for the
/// learner cookie in the request's cookies (and, with one, a walk over the tasks' path templates) is all it costs.
/// </summary>
/// <remarks>
/// It hooks in with <see cref="HttpResponse.OnStarting(Func{Task})"/>, registered before the rest of the pipeline runs:
/// <list type="bullet">
/// <item>the status is the final one, whoever decided it: the action, routing (a 405, or a 404 from a route constraint,
/// where no endpoint and no MVC filter ever runs), status-code pages (which re-execute /error/404 with the status
/// kept), the exception handler's 500, or the output cache answering without MVC;</item>
/// <item>the request is the one the learner sent: method, path and query are taken before an error page re-executes
/// the request under another path;</item>
/// <item>the solve is stored before the first byte of the answer leaves, so a learner (or a test) that sees the
/// answer and then asks for /progress always finds it there. After <c>next</c> returns would be too late for that,
/// and an MVC filter would miss every answer that MVC does not give.</item>
/// </list>
/// </remarks>
public sealed class TaskCheckMiddleware(RequestDelegate next, Learners learners, IProgressStore store, TimeProvider clock,
    ILogger<TaskCheckMiddleware> logger, IStringLocalizer<Demo> words)
{
    // A near miss's reason quotes what the learner sent; it is kept short.
    private const int MaxWhy = 400;

    /// <summary>The longest the check may hold an answer back: a read and a write take a millisecond on a Redis that
    /// answers; for a paused one, the one second SiteRedis gives any command, not one per command.</summary>
    public static readonly TimeSpan Budget = SiteRedis.Timeout;

    public Task InvokeAsync(HttpContext context)
    {
        if (!Learners.MayCarryOne(context)) return next(context);
        var watching = TaskCatalog.Watching(context.Request.Path);
        if (watching.Count == 0 || learners.IdOf(context) is not { } learner) return next(context);

        var request = context.Request;
        var seen = new SeenExchange(context, request.Method, request.Path, request.QueryString, request.Query);
        context.Response.OnStarting(() => CheckAsync(learner, seen, watching, context.Response));
        return next(context);
    }

    private async Task CheckAsync(string learner, SeenExchange seen, IReadOnlyList<(LessonTask Task, RouteValueDictionary Values)> watching,
        HttpResponse response)
    {
        seen = seen with
        {
            Status = response.StatusCode,
            MediaType = MediaTypeHeaderValue.TryParse(response.ContentType, out var type) ? type.MediaType.Value : null,
            Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
        };
        try
        {
            // A near miss is told in the language the learner asked in (the catalogue's words; the check runs as the
            // answer starts, after UseRequestLocalization picked it).
            if (response.HttpContext.Features.Get<IRequestCultureFeature>() is { } language)
            {
                CultureInfo.CurrentUICulture = language.RequestCulture.UICulture;
            }
            await CheckAllAsync(learner, seen, watching).WaitAsync(Budget);
        }
        catch (Exception failure)
        {
            // The learner's answer goes out as it is: a store that does not answer (Redis down or paused) costs a solve,
            // never a page, and holds the answer back no longer than the budget.
            logger.LogWarning("Try it could not check {Method} {Path}: {Reason}", seen.Method, seen.Path, failure.GetBaseException().Message);
        }
    }

    private async Task CheckAllAsync(string learner, SeenExchange seen, IReadOnlyList<(LessonTask Task, RouteValueDictionary Values)> watching)
    {
        seen = seen with { Progress = await store.GetAsync(learner, CancellationToken.None) };
        foreach (var (task, values) in watching)
        {
            await CheckAsync(learner, task, seen with { Values = values, Previous = seen.Progress.NearMisses.GetValueOrDefault(task.Id) });
        }
    }

    private Task CheckAsync(string learner, LessonTask task, SeenExchange seen)
    {
        if (seen.Progress.Solved.ContainsKey(task.Id) || !task.Tries(seen)) return Task.CompletedTask;
        var at = clock.GetUtcNow();
        if (task.Solves(seen))
        {
            return store.RecordSolveAsync(learner, task.Id, new TaskEvidence(seen.RequestLine, seen.Status, at), CancellationToken.None);
        }
        var why = task.WhyNot(seen, words);
        return store.RecordNearMissAsync(learner, task.Id,
            new NearMiss(seen.RequestLine, seen.Status, why.Length <= MaxWhy ? why : why[..MaxWhy] + "…", at), CancellationToken.None);
    }
}
