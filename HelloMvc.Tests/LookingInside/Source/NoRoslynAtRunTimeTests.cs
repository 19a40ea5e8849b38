using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.LookingInside.Source;

/// <summary>
/// The listings are made when the site is built (HelloMvc.SourceGenerator): showing code never loads the compiler.
/// Read from the running web process itself, the assemblies it has mapped, after it served every page that shows code.
/// </summary>
public class NoRoslynAtRunTimeTests
{
    [Fact]
    public async Task After_every_demo_page_and_every_code_page_the_web_process_has_loaded_no_Microsoft_CodeAnalysis_assembly()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc/<pid>/maps, which only Linux has");
        await using var server = await SiteProcess.StartServerAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var served = new List<string>();
        foreach (var demo in DemoCatalog.All)
        {
            foreach (var (method, url) in new[]
                     {
                         (demo.Method, demo.Path),
                         ("GET", "/source" + demo.PathOnly),
                         ("GET", "/source" + demo.PathOnly + "?part=rest"),
                     })
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), TestContext.Current.CancellationToken);
                served.Add($"{method} {url} {(int)response.StatusCode}");
            }
        }
        var mapped = (await File.ReadAllLinesAsync($"/proc/{server.Id}/maps", TestContext.Current.CancellationToken))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(5) ?? "")
            .Distinct()
            .ToList();

        // The code pages did answer with code (200), so the absence below is not that of a site that showed nothing.
        Assert.All(served.Where(line => line.StartsWith("GET /source", StringComparison.Ordinal)), line => Assert.EndsWith(" 200", line));
        Assert.Contains(mapped, path => path.EndsWith("/HelloMvc.Web.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(mapped, path => Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }
}
