using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Hosting.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HelloMvc.Tests.Hosting.Storage;

/// <summary>The site in memory with settings of its own, and a log of its own to read.</summary>
public sealed class SiteWithSettings(IReadOnlyDictionary<string, string> settings) : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SiteSettings.Apply(builder, settings);
    }
}

/// <summary>The key ring in the folder, encrypted with a certificate (a PFX made here), and the notice without one.</summary>
public sealed class KeysAtRestTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly string _folder = Directory.CreateTempSubdirectory("hellomvc-keys-").FullName;
    private readonly string _certificate;
    private readonly CookieContainer _cookies = new();

    public KeysAtRestTests()
    {
        _certificate = Path.Combine(_folder, "keys.pfx");
        File.WriteAllBytes(_certificate, MakePfx(Password));
    }

    /// <summary>A self-signed certificate with its RSA key, as `openssl req -x509` and `openssl pkcs12 -export` make it.</summary>
    public static byte[] MakePfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=HelloMvc data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pkcs12, password);
    }

    private SiteWithSettings Site(bool withCertificate = true, string password = Password) => new(withCertificate
        ? new Dictionary<string, string> { ["Storage:KeysFolder"] = Path.Combine(_folder, "keys"), [KeysAtRest.CertificateKey] = _certificate, [KeysAtRest.PasswordKey] = password }
        : new Dictionary<string, string> { ["Storage:KeysFolder"] = Path.Combine(_folder, "keys") });

    private HttpClient Browser(SiteWithSettings site) =>
        site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(_cookies));

    [Fact]
    public async Task With_a_certificate_the_keys_in_the_folder_are_encrypted_and_a_restart_reads_them_back()
    {
        Page form;
        await using (var before = Site())
        {
            form = await Browser(before).GetPageAsync("/http/methods");
        }

        var stored = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_folder, "keys"), "key-*.xml")));
        Assert.Contains("<encryptedSecret decryptorType=\"Microsoft.AspNetCore.DataProtection.XmlEncryption.EncryptedXmlDecryptor", stored);
        Assert.Contains("<EncryptedKey", stored);
        Assert.DoesNotContain("<masterKey", stored);

        // Another run with the same folder and certificate decrypts the key: the token it signed is still good.
        await using var after = Site();
        var posted = await Browser(after).SubmitAsync(form);
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal("You sent POST", posted.Text("main h1"));
    }

    [Fact]
    public async Task Without_a_certificate_the_site_says_once_at_start_that_the_keys_are_unencrypted()
    {
        await using var site = Site(withCertificate: false);
        for (var page = 0; page < 3; page++) await Browser(site).GetAsync("/http/login", TestContext.Current.CancellationToken);

        var notices = site.Logs.GetSnapshot().Where(record => record.Message.Contains("stored unencrypted")).ToList();
        var notice = Assert.Single(notices);
        Assert.Contains(KeysAtRest.CertificateKey, notice.Message);
    }

    [Fact]
    public async Task A_certificate_that_does_not_open_stops_the_start_naming_the_setting()
    {
        await using var site = Site(password: "wrong");

        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient());
        Assert.Contains(KeysAtRest.CertificateKey, failure.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
