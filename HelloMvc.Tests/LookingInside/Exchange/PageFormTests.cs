using System.Net;
using System.Text;
using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HelloMvc.Tests.LookingInside.Exchange;

/// <summary>
/// form=1 sends a page's form as a browser does. The same form is submitted by Chromium (a click on its named submit
/// button) and by the viewer, and the probe page's server keeps what each sent: method, request target, type and body
/// must be the same bytes (a multipart body's random boundary aside).
/// </summary>
[Collection(BrowserCollection.Name)]
public class PageFormTests(BrowserFixture browser, ProbedKestrelSite probed)
{
    /// <summary>
    /// A form with a control of each kind: a checked and an unchecked checkbox, one without a value, a radio group, a
    /// select with a selected option, one without, a multiple select, a textarea of two lines, a disabled input, buttons
    /// that do not submit, the named submit button, and a second one a click on the first does not send.
    /// </summary>
    public static string FormPage(string kind, string run) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>A form of the tests' own</title></head>
        <body>
        <form method="{{(kind == "get" ? "get" : "post")}}" action="form/sent?run={{run}}"{{(kind == "multipart" ? " enctype=\"multipart/form-data\"" : "")}}>
          <input type="hidden" name="run" value="{{run}}">
          <input name="text" value="Zoë &amp; co ~*-._!()' + = ?">
          <input type="email" name="email" value="grey@example.com">
          <input type="number" name="count" value="3">
          <input type="checkbox" name="checked" value="yes" checked>
          <input type="checkbox" name="unchecked" value="no">
          <input type="checkbox" name="plain" checked>
          <input type="radio" name="size" value="s"><input type="radio" name="size" value="m" checked><input type="radio" name="size" value="l">
          <select name="colour"><option>red</option><option value="g" selected>green</option></select>
          <select name="first"><option>one</option><option>two</option></select>
          <select name="several" multiple><option selected>a</option><option>b</option><option selected>c</option></select>
          <textarea name="note">
        line one
        line two</textarea>
          <input name="off" value="never sent" disabled>
          <input type="reset" name="reset" value="never sent">
          <button type="button" name="button" value="never sent">Not a submit button</button>
          <button name="intent" value="save">Save</button>
          <input type="submit" name="other" value="never sent either">
        </form>
        </body>
        </html>
        """;

    [Theory]
    [InlineData("post")]
    [InlineData("get")]
    [InlineData("multipart")]
    public async Task The_viewer_sends_the_form_exactly_as_Chromium_sends_it(string kind)
    {
        var run = Guid.NewGuid().ToString("N");
        var pagePath = $"/probe/form?kind={kind}&run={run}";

        await using (var watched = await browser.OpenPageAsync(probed))
        {
            await watched.Page.GotoAsync("/base" + pagePath);
            await watched.Page.RunAndWaitForResponseAsync(
                () => watched.Page.ClickAsync("button[name=intent]"), response => response.Url.Contains("/probe/form/sent"));
        }
        var chromium = Assert.Single(probed.FormsReceived[run]);

        var page = await probed.CreateWireClient().GetPageAsync("/base/exchange?path=" + Uri.EscapeDataString(pagePath) + "&form=1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(2, probed.FormsReceived[run].Count);
        var viewer = probed.FormsReceived[run].Last();
        Assert.Equal(chromium.Method, viewer.Method);
        Assert.Equal(chromium.Target, viewer.Target);
        Assert.Equal(chromium.WithoutBoundary().Type, viewer.WithoutBoundary().Type);
        Assert.Equal(chromium.WithoutBoundary().Body, viewer.WithoutBoundary().Body);
        // And the page shows it: the request line is the one the server got.
        var sent = page.Document.QuerySelectorAll("section.exchange")[1].QuerySelector("pre.request")!.TextContent.Trim();
        Assert.StartsWith($"{viewer.Method} {viewer.Target} HTTP/1.1\n", sent);
    }

    [Fact]
    public async Task The_fields_a_browser_sends_are_the_checked_selected_and_named_ones()
    {
        var run = Guid.NewGuid().ToString("N");

        await probed.CreateWireClient().GetPageAsync("/base/exchange?path=" + Uri.EscapeDataString($"/probe/form?kind=post&run={run}") + "&form=1");

        var sent = Assert.Single(probed.FormsReceived[run]);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/base/probe/form/sent?run={run}", sent.Target);
        Assert.Equal("application/x-www-form-urlencoded", sent.Type);
        Assert.Equal(
            $"run={run}&text=Zo%C3%AB+%26+co+%7E*-._%21%28%29%27+%2B+%3D+%3F&email=grey%40example.com&count=3&checked=yes&plain=on&size=m" +
            "&colour=g&first=one&several=a&several=c&note=line+one%0D%0Aline+two&intent=save",
            sent.Body);
    }
}

/// <summary>A submission of the probe form as the server received it: the request line's method and target, its type, its body.</summary>
public sealed record ReceivedForm(string Method, string Target, string? Type, string Body)
{
    public static async Task<ReceivedForm> ReadAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var target = request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        return new ReceivedForm(request.Method, target, request.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>The same, with a multipart body's boundary (random, each browser its own) written as BOUNDARY.</summary>
    public ReceivedForm WithoutBoundary() =>
        Type?.Split("boundary=") is [_, var boundary] ? this with { Type = Type.Replace(boundary, "BOUNDARY"), Body = Body.Replace(boundary, "BOUNDARY") } : this;
}
