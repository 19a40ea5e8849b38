using System.Diagnostics;
using System.Text.Json;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Tests.TryIt;
using HelloMvc.Web.LookingInside.Exchange;

namespace HelloMvc.Tests.LookingInside.Exchange;

/// <summary>Every exchange of the viewer offers its request as curl and as fetch; pasted, either sends the same request.</summary>
public class CopyAsTests(KestrelSite site)
{
    private const string Curl = "/usr/bin/curl";

    [Fact]
    public async Task The_curl_line_of_a_PUT_with_a_header_gets_the_same_status_the_viewer_did()
    {
        if (!File.Exists(Curl)) Assert.Skip("Debian's curl is not installed (apt-get install curl).");
        using var learner = await LearnerBrowser.StartAsync(site);
        var viewer = await learner.Client.GetPageAsync("/exchange?path=/http/methods&method=PUT&header=X-Lesson:%20it%27s%20mine");
        var viewerStatus = viewer.Text("#response").Split(' ')[1];

        var curl = viewer.Text("pre.copy-curl");

        Assert.StartsWith($"curl -i -X PUT '{site.BaseAddress.GetLeftPart(UriPartial.Authority)}/http/methods'", curl);
        Assert.Contains(@"-H 'X-Lesson: it'\''s mine'", curl);
        Assert.Contains($"-b '.HelloMvc.Learner={learner.LearnerCookie}", curl);
        Assert.Equal(viewerStatus, await RunAsync(curl + " -s -o /dev/null -w '%{http_code}'"));
        Assert.Equal("405", viewerStatus);
    }

    [Fact]
    public async Task The_curl_line_carries_the_body_and_the_fetch_line_the_method_headers_and_body()
    {
        using var client = site.CreateWireClient();

        var viewer = await client.GetPageAsync("/exchange?path=/http/methods&method=POST&body=a%3D1%26b%3D%27x%27&type=application/x-www-form-urlencoded");

        Assert.EndsWith(@"--data-raw 'a=1&b='\''x'\'''", viewer.Text("pre.copy-curl"));
        var fetch = viewer.Text("pre.copy-fetch");
        Assert.StartsWith($"fetch(\"{site.BaseAddress.GetLeftPart(UriPartial.Authority)}/http/methods\", ", fetch);
        var options = JsonDocument.Parse(fetch[(fetch.IndexOf(", ", StringComparison.Ordinal) + 2)..fetch.IndexOf(").then(", StringComparison.Ordinal)]).RootElement;
        Assert.Equal("POST", options.GetProperty("method").GetString());
        Assert.Equal("a=1&b='x'", options.GetProperty("body").GetString());
        Assert.Equal("application/x-www-form-urlencoded", options.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.False(options.GetProperty("headers").TryGetProperty("Cookie", out _));
        Assert.Equal("include", options.GetProperty("credentials").GetString());
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it'\''s'")]
    [InlineData("$(rm -rf /) `x` \"y\" \\n", "'$(rm -rf /) `x` \"y\" \\n'")]
    public void Quote_makes_every_character_literal_in_a_POSIX_shell(string value, string quoted) =>
        Assert.Equal(quoted, CopyAs.Quote(value));

    private static async Task<string> RunAsync(string commandLine)
    {
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", commandLine]) { RedirectStandardOutput = true })!;
        var output = await shell.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await shell.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output.Trim();
    }
}
