using System.Net;
using HelloMvc.Tests.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Tests.Controllers.Http;

/// <summary>On the wire (Kestrel writes the Set-Cookie headers, and refuses what is not fit for one); the path base in memory.</summary>
public class CookieControllerTests(KestrelSite site, PathBaseSite underPathBase)
{
    private readonly HttpClient _client = site.CreateWireClient();

    private Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Set_stores_the_name_in_an_HttpOnly_Lax_cookie_and_redirects_to_hello()
    {
        var response = await GetAsync("/http/set/Grey");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/http/hello", response.Headers.Location?.OriginalString);
        var cookie = response.SetCookie("name").Split("; ");
        Assert.Equal("name=Grey", cookie[0]);
        Assert.Contains("path=/", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("httponly", cookie);
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("a;b=c")]
    [InlineData("\"quoted\" 'name'")]
    [InlineData("AC/DC")]
    [InlineData("名前 + spaces")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u2028")]
    [InlineData("\t")]
    [InlineData(" ")]
    public async Task Any_name_round_trips_through_the_cookie_onto_the_hello_page_as_text(string name)
    {
        await GetAsync($"/http/set/{Uri.EscapeDataString(name)}");

        var page = await _client.GetPageAsync("/http/hello");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Hello, {name}!", page.Text("main h1"));
        // The only scripts are the site's own files: none came from the learner's input.
        Assert.All(page.Document.Scripts, script => Assert.StartsWith("/js/", script.Source));
    }

    [Fact]
    public async Task Set_without_a_name_is_404()
    {
        var response = await GetAsync("/http/set/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Set_with_a_trailing_slash_sets_the_name_without_it()
    {
        var response = await GetAsync("/http/set/Grey/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("name=Grey", response.SetCookie("name").Split("; ")[0]);
    }

    public static TheoryData<string, string> LabCookies => new()
    {
        { "name=flavour&value=vanilla", "flavour=vanilla; path=/" },
        { "name=greeting&value=Zo%C3%AB%20says%20%22hi%22%3B%20ok%3F", "greeting=Zo%C3%AB%20says%20%22hi%22%3B%20ok%3F; path=/" },
        { "name=empty", "empty=; path=/" },
        { "name=brief&value=gone%20soon&maxAge=10&sameSite=Strict", "brief=gone%20soon; max-age=10; path=/; samesite=strict" },
        { "name=gone&maxAge=0", "gone=; max-age=0; path=/" },
        { "name=dated&value=x&expires=Tue,%2001%20Jan%202030%2000:00:00%20GMT", "dated=x; expires=Tue, 01 Jan 2030 00:00:00 GMT; path=/" },
        { "name=dated&value=x&expires=2030-01-01T12:30:00%2B02:00", "dated=x; expires=Tue, 01 Jan 2030 10:30:00 GMT; path=/" },
        { "name=dated&value=x&expires=2030-01-01", "dated=x; expires=Tue, 01 Jan 2030 00:00:00 GMT; path=/" },
        { "name=scoped&value=x&path=/http", "scoped=x; path=/http" },
        { "name=locked&value=x&secure=true", "locked=x; path=/; secure" },
        { "name=hidden&value=x&httpOnly=true", "hidden=x; path=/; httponly" },
        { "name=lax&value=x&sameSite=lax", "lax=x; path=/; samesite=lax" },
        { "name=cross&value=x&secure=on&sameSite=None", "cross=x; path=/; secure; samesite=none" },
        { "name=all&value=1&maxAge=60&expires=2030-01-01T00:00:00Z&path=/http/cookie&secure=true&httpOnly=true&sameSite=Strict",
          "all=1; expires=Tue, 01 Jan 2030 00:00:00 GMT; max-age=60; path=/http/cookie; secure; samesite=strict; httponly" },
    };

    [Theory]
    [MemberData(nameof(LabCookies))]
    public async Task The_lab_sets_exactly_the_cookie_its_query_describes_and_redirects_to_the_lab(string query, string header)
    {
        var response = await site.CreateWireClient(handleCookies: false).GetAsync("/http/cookie/set?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/http/cookie", response.Headers.Location?.OriginalString);
        Assert.Equal(header, Assert.Single(CookiesTheLabSet(response)));
        // The framework's own parser reads it back as a well-formed Set-Cookie.
        Assert.True(SetCookieHeaderValue.TryParse(header, out var parsed));
        Assert.Equal(header.Split('=')[0], parsed.Name.Value);
    }

    [Fact]
    public async Task A_value_the_lab_set_comes_back_decoded_in_the_cookies_this_browser_sent()
    {
        await GetAsync("/http/cookie/set?name=greeting&value=" + Uri.EscapeDataString("Zoë says \"hi\"; <b>ok</b>"));

        var page = await _client.GetPageAsync("/http/cookie");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Zoë says \"hi\"; <b>ok</b>", page.Document.GetElementById("cookies")!.ReadLabeled()["greeting"]);
        Assert.Empty(page.Document.QuerySelectorAll("main b"));
        Assert.True(page.Response.Headers.CacheControl?.NoStore);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "value=x", "A cookie needs a name." },
        { "name=&value=x", "A cookie needs a name." },
        { "name=a%20b", "is not an RFC 6265 token" },
        { "name=a%3Bb", "is not an RFC 6265 token" },
        { "name=a%3Db", "is not an RFC 6265 token" },
        { "name=%C3%A9", "is not an RFC 6265 token" },
        { "name=a%00b", "is not an RFC 6265 token" },
        { "name=%3Cscript%3E", "is not an RFC 6265 token" },
        { "name=a&maxAge=-1", "Max-Age cannot be negative" },
        { "name=a&maxAge=abc", "Max-Age must be a whole number of seconds" },
        { "name=a&maxAge=1.5", "Max-Age must be a whole number of seconds" },
        { "name=a&maxAge=%2B5", "Max-Age must be a whole number of seconds" },
        { "name=a&maxAge=99999999999", "Max-Age must be a whole number of seconds" },
        { "name=a&expires=tomorrow", "Expires must be a date" },
        { "name=a&expires=2030-13-01", "Expires must be a date" },
        { "name=a&path=http", "is not a path of this site" },
        { "name=a&path=//evil.example", "is not a path of this site" },
        { "name=a&path=https://evil.example/", "is not a path of this site" },
        { "name=a&path=/http/../..", "is not a path of this site" },
        { "name=a&path=/a;%20domain=evil.example", "is not a path of this site" },
        { "name=a&path=/%C3%A9", "is not a path of this site" },
        { "name=a&path=/a%5Cb", "is not a path of this site" },
        { "name=a&sameSite=None", "SameSite=None needs secure" },
        { "name=a&sameSite=Sometimes", "SameSite is Lax, Strict or None" },
        { "name=a&sameSite=1", "SameSite is Lax, Strict or None" },
        { "name=a&secure=maybe", "secure and httpOnly are true or false" },
        // What MVC's own binders would take, and the lab does not: a number with a sign or a space, a bool's 1.
        { "name=a&maxAge=%205", "Max-Age must be a whole number of seconds" },
        { "name=a&httpOnly=1", "secure and httpOnly are true or false" },
        { "name=a&expires=2030-01-01%2012:00", "Expires must be a date" },
        // Two reasons: the refusal names the first field's, in the form's order.
        { "name=a%20b&maxAge=-1", "is not an RFC 6265 token" },
        { "name=a&value=" + new string('x', 1025), "at most 1 KB" },
        { "name=a&value=" + string.Concat(Enumerable.Repeat("%C3%A9", 513)), "at most 1 KB" },
        { "name=a&value=x%0D%0ASet-Cookie:%20evil=1", "line break" },
        { "name=a%0Ab", "line break" },
        { "name=a&path=/x%0D", "line break" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task The_lab_refuses_what_it_cannot_set_with_a_400_page_naming_the_reason_and_no_cookie(string query, string reason)
    {
        var page = await site.CreateWireClient(handleCookies: false).GetPageAsync("/http/cookie/set?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("400 Bad Request", page.Text("main h1"));
        Assert.Contains(reason, page.Text("main p.reason"));
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
        // The only scripts are the site's own files: none came from the learner's input.
        Assert.All(page.Document.Scripts, script => Assert.StartsWith("/js/", script.Source));
    }

    [Fact]
    public async Task A_refused_name_is_shown_as_text()
    {
        var page = await _client.GetPageAsync("/http/cookie/set?name=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("\"<img src=x onerror=alert(1)>\"", page.Text("main p.reason"));
        Assert.Empty(page.Document.QuerySelectorAll("main img"));
    }

    [Fact]
    public async Task A_value_of_exactly_1_KB_is_set()
    {
        var response = await site.CreateWireClient(handleCookies: false).GetAsync("/http/cookie/set?name=big&value=" + new string('x', 1024), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"big={new string('x', 1024)}; path=/", Assert.Single(CookiesTheLabSet(response)));
    }

    [Fact]
    public async Task The_lab_page_has_the_notes_nine_parameters_each_linked_to_a_cookie_the_lab_sets_but_domain()
    {
        var page = await _client.GetPageAsync("/http/cookie");

        var rows = page.Document.QuerySelectorAll("#parameters tbody tr").ToList();
        Assert.Equal(["key", "value", "max_age", "expires", "path", "domain", "secure", "httponly", "samesite"],
            rows.Select(row => row.QuerySelector("th")!.TextContent.Trim()));
        Assert.Contains("refused by the browser", rows.Single(row => row.Id == "domain").TextContent);
        Assert.Empty(rows.Single(row => row.Id == "domain").QuerySelectorAll("a"));
        foreach (var link in rows.Where(row => row.Id != "domain").Select(row => row.QuerySelector("a[href]")!.GetAttribute("href")!))
        {
            Assert.StartsWith("/http/cookie/set?", link);
            var response = await site.CreateWireClient(handleCookies: false).GetAsync(link, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Found, $"{link}: {(int)response.StatusCode}");
            Assert.Single(CookiesTheLabSet(response));
        }
    }

    [Fact]
    public async Task The_lab_form_sends_every_parameter_to_the_lab_by_GET()
    {
        var page = await _client.GetPageAsync("/http/cookie");

        var form = page.Document.QuerySelector("form.cookie-lab")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/http/cookie/set", form.GetAttribute("action"));
        Assert.Equal(["name", "value", "maxAge", "expires", "path", "secure", "httpOnly", "sameSite"],
            form.QuerySelectorAll("input[name], select[name]").Select(field => field.GetAttribute("name")));
        Assert.All(form.QuerySelectorAll("input[id], select[id]"), field => Assert.NotNull(form.QuerySelector($"label[for='{field.Id}']")));
    }

    [Fact]
    public async Task The_lab_lists_the_cookies_this_browser_sent_by_name()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/http/cookie");
        request.Headers.TryAddWithoutValidation("Cookie", "flavour=chocolate; name=Grey");

        var page = await site.CreateWireClient(handleCookies: false).ParseAsync(request);

        var cookies = page.Document.GetElementById("cookies")!.ReadLabeled();
        Assert.Equal("chocolate", cookies["flavour"]);
        Assert.Equal("Grey", cookies["name"]);
    }

    [Theory]
    [InlineData("name=a", "a=; path=/hellomvc")]
    [InlineData("name=a&path=/http", "a=; path=/hellomvc/http")]
    public async Task Under_a_path_base_the_labs_paths_are_under_it(string query, string header)
    {
        var response = await underPathBase.CreateNoRedirectClient().GetAsync(SiteSettings.PathBase + "/http/cookie/set?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(SiteSettings.PathBase + "/http/cookie", response.Headers.Location?.OriginalString);
        Assert.Equal(header, Assert.Single(CookiesTheLabSet(response)));
    }

    [Fact]
    public async Task Set_under_a_path_base_sets_the_name_for_the_path_base()
    {
        var response = await underPathBase.CreateNoRedirectClient().GetAsync(SiteSettings.PathBase + "/http/set/Grey", TestContext.Current.CancellationToken);

        Assert.Equal("name=Grey; path=/hellomvc; samesite=lax; httponly", response.SetCookie("name"));
    }

    // Every redirect of the site also carries TempData's cookie, the record of the hop ("what just happened"):
    // the lab's own cookies are the others.
    private static IEnumerable<string> CookiesTheLabSet(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Where(cookie => !cookie.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
}
