using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests;

/// <summary>HelloMvc.Web/libman.json, the files it restored into wwwroot and the page that loads them agree with each other.</summary>
public class LibManTests(SiteFactory site)
{
    private readonly string _contentRoot = site.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;

    /// <summary>Each library libman.json names: its name, version, destination and files.</summary>
    private sealed record Library(string Name, string Version, string Destination, IReadOnlyList<string> Files);

    [Fact]
    public async Task Every_file_libman_json_names_is_committed_under_its_destination_and_served()
    {
        var client = site.CreateClient();

        Assert.NotEmpty(Libraries());
        foreach (var library in Libraries())
        {
            Assert.NotEmpty(library.Files);
            foreach (var file in library.Files)
            {
                var onDisk = new FileInfo(Path.Combine(_contentRoot, library.Destination, file));
                Assert.True(onDisk.Exists && onDisk.Length > 0, $"{library.Name}: {onDisk} is missing or empty");

                // A restore puts files under wwwroot; the site serves them from its root.
                var url = "/" + Path.GetRelativePath(Path.Combine(_contentRoot, "wwwroot"), onDisk.FullName).Replace('\\', '/');
                var served = await client.GetAsync(url, TestContext.Current.CancellationToken);
                Assert.True(served.StatusCode == HttpStatusCode.OK, $"{url}: {served.StatusCode}");
                Assert.Equal(await File.ReadAllBytesAsync(onDisk.FullName, TestContext.Current.CancellationToken),
                    await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public async Task The_post_page_loads_every_script_it_names_and_its_jQuery_is_the_version_libman_json_names()
    {
        var jquery = Assert.Single(Libraries(), library => library.Name == "jquery");
        var client = site.CreateClient();

        var post = await client.GetPageAsync("/http/post");
        var sources = post.Document.Scripts.Select(script => script.GetAttribute("src")).OfType<string>().ToList();
        Assert.NotEmpty(sources);
        var banners = new List<string>();
        foreach (var src in sources)
        {
            var served = await client.GetAsync(src, TestContext.Current.CancellationToken);
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"{src}: {served.StatusCode}");
            var text = await served.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            banners.Add(Regex.Match(text, @"^/\*! jQuery v(\S+) ").Groups[1].Value);
        }

        Assert.Contains(jquery.Version, banners);
    }

    private IReadOnlyList<Library> Libraries()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_contentRoot, "libman.json")));
        return manifest.RootElement.GetProperty("libraries").EnumerateArray()
            .Select(library =>
            {
                var id = library.GetProperty("library").GetString()!;
                var at = id.LastIndexOf('@'); // a scoped package (@scope/name@1.2.3) has two
                return new Library(id[..at], id[(at + 1)..], library.GetProperty("destination").GetString()!,
                    library.GetProperty("files").EnumerateArray().Select(file => file.GetString()!).ToList());
            })
            .ToList();
    }
}
