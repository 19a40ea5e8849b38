using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace HelloMvc.Web.Hosting.Storage;

/// <summary>
/// The data-protection key ring encrypted at rest with a certificate, wherever it is kept (the folder or Redis):
/// whoever reads the stored keys without the certificate's private key cannot forge a session cookie or an
/// antiforgery token. The certificate is a PFX file (<c>DataProtection:Certificate</c>, relative to the content
/// root) and its password (<c>DataProtection:CertificatePassword</c>). Without one the keys are stored as plain
/// XML, which the site says once as it starts.
/// </summary>
public static class KeysAtRest
{
    public const string CertificateKey = "DataProtection:Certificate";
    public const string PasswordKey = "DataProtection:CertificatePassword";

    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder dataProtection, WebApplicationBuilder builder)
    {
        if (builder.Configuration[CertificateKey] is not { Length: > 0 } file)
        {
            dataProtection.Services.AddHostedService<UnencryptedKeysNotice>();
            return dataProtection;
        }
        var path = Path.Combine(builder.Environment.ContentRootPath, file);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration[PasswordKey]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"{CertificateKey}: '{file}' could not be read as a PFX with {PasswordKey}: {exception.Message}", exception);
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificateKey}: '{file}' has no private key, so the keys it encrypts could never be read back.");
        }
        // Encrypts each new key with the certificate, and registers it to decrypt the stored ones.
        return dataProtection.ProtectKeysWithCertificate(certificate);
    }

    /// <summary>Once at start, not on every key: the keys that protect cookies and tokens are stored unencrypted.</summary>
    private sealed class UnencryptedKeysNotice(ILogger<UnencryptedKeysNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("The data-protection keys are stored unencrypted: set {Certificate} (a PFX) and {Password} to encrypt them at rest.",
                CertificateKey, PasswordKey);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
