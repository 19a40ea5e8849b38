using System.Diagnostics;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.LookingInside.Journeys;
using Microsoft.AspNetCore.Mvc.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.LookingInside.Journeys;

/// <summary>The journey beside each response: what the framework reported doing with the viewer's request, in order, timed.</summary>
public partial class JourneyRecorderTests(KestrelSite site)
{
    private readonly HttpClient _client = site.CreateWireClient();

    [Fact]
    public async Task The_journey_of_brew_tea_shows_the_route_both_global_filters_the_action_and_its_view_in_order_with_times()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/brew/tea");

        var steps = Steps(page.Document.QuerySelector("#journey-1")!);
        Assert.All(steps, step => Assert.Matches(Time(), step.At));
        int Index(string what, string subject) =>
            steps.FindIndex(step => step.What == what && step.Subject == subject) is var i and >= 0
                ? i
                : throw new Xunit.Sdk.XunitException($"No step '{what} {subject}' in:\n{string.Join("\n", steps)}");
        int[] order =
        [
            Index("request in", ""),
            Index("routing matched", "http/brew/{drink} → ResponsesController.Brew"),
            Index("action", "ResponsesController.Brew"),
            Index("filter", "RememberNameFilter.OnActionExecuting"),
            Index("filter", "ServerTimingFilter.OnActionExecution"),
            Index("action method", "ResponsesController.Brew(drink: \"tea\")"),
            Index("filter", "RememberNameFilter.OnActionExecuted"),
            Index("result", "ViewResult"),
            Index("view found", "Brew: /Views/Responses/Brew.cshtml"),
            Index("Razor page", "/Views/Responses/Brew.cshtml"),
            Index("Razor page", "/Views/Shared/_Layout.cshtml"),
            Index("through the pipeline", ""),
        ];
        Assert.Equal(order.Order(), order);
        // Times only grow, and each step that ran other code says how long it took.
        var times = steps.Select(step => double.Parse(step.At[..^3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Matches(Time(), steps[order[5]].Took);
        // The after-hook runs inside the timing filter, which wraps the action method.
        var timing = page.Document.QuerySelectorAll("#journey-1 li.step").First(li => li.QuerySelector(".subject")?.TextContent == "ServerTimingFilter.OnActionExecution");
        Assert.Contains(timing.QuerySelectorAll("li.step .subject"), subject => subject.TextContent == "ResponsesController.Brew(drink: \"tea\")");
    }

    [Fact]
    public async Task Each_hop_has_its_own_journey_and_an_error_shows_the_status_page_it_re_ran()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/hi&follow=1");

        Assert.Contains(Steps(page.Document.QuerySelector("#journey-1")!), step => step.Subject == "http/hi → ResponsesController.Hi");
        Assert.Contains(Steps(page.Document.QuerySelector("#journey-2")!), step => step.Subject == "http/hello → RequestController.Hello");

        var missing = await _client.GetPageAsync("/exchange?path=/http/404");
        var steps = Steps(missing.Document.QuerySelector("#journey-1")!);
        Assert.Contains(steps, step => step.Subject == "http/404 → ResponsesController.Missing");
        // The status-code pages re-ran the request as /error/404: the same request, so the same journey.
        Assert.Contains(steps, step => step.Subject == "error/{code:int:range(400,599)} → ErrorController.Status");
    }

    [Fact]
    public void Outside_a_request_the_viewer_sent_the_framework_is_told_no_one_listens()
    {
        var listener = site.Services.GetRequiredService<DiagnosticListener>();

        // The site has a subscriber (the recorder), and yet for this code, which is no marked request, it wants no event.
        // (Its own predicate is asked: other tests' subscribers may listen to the same host at the same time.)
        Assert.True(listener.IsEnabled());
        Assert.False(JourneyRecorder.IsEnabled(BeforeActionEventData.EventName, null, null));
        Assert.False(JourneyRecorder.IsEnabled(BeforeViewPageEventData.EventName, null, null));
        Assert.False(JourneyRecorder.IsEnabled("Microsoft.AspNetCore.Routing.EndpointMatched", null, null));
    }

    [Fact]
    public async Task A_request_with_a_made_up_mark_is_answered_as_usual_and_records_nothing()
    {
        var response = await RawHttp.GetAsync(site.BaseAddress, "/http/brew/tea", ("Exchange-Journey", new string('0', 32)), ("Accept", "text/html"));

        Assert.Equal(200, response.Status);
        // The mark it carried named no journey the viewer opened, so nothing was kept for it; the next page's journey is its own.
        var page = await _client.GetPageAsync("/exchange?path=/http/brew/tea");
        Assert.Single(Steps(page.Document.QuerySelector("#journey-1")!), step => step.What == "request in");
    }

    private sealed record Step(string At, string What, string Subject, string Took)
    {
        public override string ToString() => $"{At} {What} {Subject} {Took}";
    }

    /// <summary>Every step in document order (a parent before what ran inside it), read from its own spans.</summary>
    private static List<Step> Steps(IElement journey) =>
        journey.QuerySelectorAll("li.step").Select(li => new Step(
            Own(li, ".at"), Own(li, ".what"), Own(li, ".subject"), Own(li, ".took"))).ToList();

    private static string Own(IElement li, string selector) =>
        li.Children.FirstOrDefault(child => child.Matches(selector))?.TextContent.Trim() ?? "";

    [GeneratedRegex(@"^(took )?\d+\.\d\d ms$")]
    private static partial Regex Time();
}
