using System.Net;
using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HelloMvc.Tests.Hosting.Storage;

/// <summary>Without Redis, the data-protection keys live in the folder that Storage:KeysFolder names.</summary>
public sealed class KeysFolderTests(SiteFactory site) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hellomvc-keys-").FullName;
    private readonly CookieContainer _cookies = new();

    private WebApplicationFactory<Program> SiteWithKeysIn(string folder) =>
        site.WithWebHostBuilder(builder => builder.UseSetting("Storage:KeysFolder", folder));

    private HttpClient Browser(WebApplicationFactory<Program> host) =>
        host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(_cookies));

    [Fact]
    public async Task A_restarted_site_accepts_the_antiforgery_token_its_previous_run_issued()
    {
        Page form;
        await using (var before = SiteWithKeysIn(_folder))
        {
            form = await Browser(before).GetPageAsync("/http/methods");
        }
        Assert.NotEmpty(Directory.GetFiles(_folder, "key-*.xml"));

        await using var after = SiteWithKeysIn(_folder);
        var posted = await Browser(after).SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal("You sent POST", posted.Text("main h1"));
    }

    [Fact]
    public async Task A_site_with_other_keys_refuses_that_token()
    {
        await using var before = SiteWithKeysIn(_folder);
        var form = await Browser(before).GetPageAsync("/http/methods");

        await using var stranger = SiteWithKeysIn(Directory.CreateTempSubdirectory("hellomvc-keys-").FullName);
        var posted = await Browser(stranger).SubmitAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
