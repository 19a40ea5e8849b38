using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests;

/// <summary>HelloMvc.Web/libman.json and the files it restored into wwwroot/lib agree with each other and with the page.</summary>
public class LibManTests(SiteFactory site)
{
    private readonly string _contentRoot = site.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;

    [Fact]
    public void Every_file_libman_json_names_is_committed_where_a_restore_puts_it()
    {
        var jquery = JQueryEntry();

        var destination = jquery.GetProperty("destination").GetString()!;
        Assert.Equal("wwwroot/lib/jquery/", destination);
        var files = jquery.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(["dist/jquery.min.js", "dist/jquery.min.map", "LICENSE.txt"], files);
        Assert.All(files, file => Assert.True(new FileInfo(Path.Combine(_contentRoot, destination, file)).Length > 0, file));
    }

    [Fact]
    public async Task The_committed_jQuery_is_the_version_libman_json_names_and_the_post_page_loads_that_file()
    {
        var version = Regex.Match(JQueryEntry().GetProperty("library").GetString()!, @"^jquery@(\d+\.\d+\.\d+)$").Groups[1].Value;
        var committed = await File.ReadAllBytesAsync(Path.Combine(_contentRoot, "wwwroot/lib/jquery/dist/jquery.min.js"), TestContext.Current.CancellationToken);

        Assert.StartsWith("4.", version);
        var banner = Regex.Match(System.Text.Encoding.UTF8.GetString(committed), @"^/\*! jQuery v(\S+) ");
        Assert.Equal(version, banner.Groups[1].Value);

        var client = site.CreateClient();
        var post = await client.GetPageAsync("/http/post");
        var src = post.Document.Scripts.Select(s => s.GetAttribute("src")).First(s => s!.StartsWith("/lib/jquery/dist/jquery.min."));
        var served = await client.GetAsync(src, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(committed, await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private JsonElement JQueryEntry()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_contentRoot, "libman.json")));
        var root = manifest.RootElement;
        Assert.Equal("jsdelivr", root.GetProperty("defaultProvider").GetString());
        return root.GetProperty("libraries").EnumerateArray()
            .Single(library => library.GetProperty("library").GetString()!.StartsWith("jquery@"))
            .Clone();
    }
}
