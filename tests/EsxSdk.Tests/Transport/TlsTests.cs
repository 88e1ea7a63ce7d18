using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using Xunit;

namespace EsxSdk.Tests.Transport
{
    /// <summary>
    /// Certificate policy against an HTTPS endpoint with a self-signed certificate made by the test: refused by default,
    /// accepted with no_verify=1 or the pinned SHA-256 thumbprint, refused with any other thumbprint.
    /// </summary>
    public sealed class TlsTests : IDisposable
    {
        private static readonly VimClientOptions Options = new() { Timeout = TimeSpan.FromSeconds(15) };

        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(40);

        private readonly X509Certificate2 certificate = CreateSelfSigned();

        private string Sha256 => Convert.ToHexString(SHA256.HashData(this.certificate.RawData));

        public void Dispose() => this.certificate.Dispose();

        [Fact]
        public async Task A_self_signed_certificate_is_refused_by_default_with_a_certificate_error()
        {
            await using RawHttpServer server = this.StartServer();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => VimClient.ConnectAsync(server.Url("/sdk"), null, Options)).WaitAsync(HangGuard);

            AssertCertificateError(ex, server);
        }

        [Fact]
        public async Task No_verify_accepts_the_self_signed_certificate()
        {
            await using RawHttpServer server = this.StartServer();

            await using VimClient client = await VimClient.ConnectAsync(server.Url("/sdk?no_verify=1"), null, Options).WaitAsync(HangGuard);

            Assert.Equal("VirtualCenter", client.ServiceContent.About?.ApiType);
            Assert.True(client.ConnectionUri.NoVerify);
            Assert.Equal(Uri.UriSchemeHttps, client.ConnectionUri.SdkUri.Scheme);
        }

        [Fact]
        public async Task The_pinned_SHA256_thumbprint_accepts_the_certificate_without_no_verify()
        {
            await using RawHttpServer server = this.StartServer();

            await using VimClient client = await VimClient.ConnectAsync(server.Url("/sdk?thumbprint=" + this.Sha256), null, Options).WaitAsync(HangGuard);

            Assert.Equal("VirtualCenter", client.ServiceContent.About?.ApiType);
            Assert.False(client.ConnectionUri.NoVerify);
        }

        [Fact]
        public async Task The_pinned_thumbprint_may_be_lower_case_with_colons()
        {
            string colons = string.Join(':', this.Sha256.ToLowerInvariant().Chunk(2).Select(pair => new string(pair)));
            await using RawHttpServer server = this.StartServer();

            await using VimClient client = await VimClient.ConnectAsync(server.Url("/sdk?thumbprint=" + colons), null, Options).WaitAsync(HangGuard);

            Assert.Equal("VirtualCenter", client.ServiceContent.About?.ApiType);
        }

        [Fact]
        public async Task A_wrong_thumbprint_is_refused_with_a_certificate_error()
        {
            string wrong = Convert.ToHexString(SHA256.HashData(this.certificate.RawData.AsSpan(1)));
            await using RawHttpServer server = this.StartServer();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => VimClient.ConnectAsync(server.Url("/sdk?thumbprint=" + wrong), null, Options)).WaitAsync(HangGuard);

            AssertCertificateError(ex, server);
        }

        [Fact]
        public async Task A_wrong_thumbprint_is_refused_even_with_no_verify()
        {
            string wrong = new('0', 64);
            await using RawHttpServer server = this.StartServer();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => VimClient.ConnectAsync(server.Url("/sdk?no_verify=1&thumbprint=" + wrong), null, Options)).WaitAsync(HangGuard);

            AssertCertificateError(ex, server);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_refused_certificate_is_named_as_the_reason(bool pinWrongThumbprint)
        {
            string query = pinWrongThumbprint ? "?thumbprint=" + new string('0', 64) : string.Empty;
            await using RawHttpServer server = this.StartServer();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => VimClient.ConnectAsync(server.Url("/sdk" + query), null, Options)).WaitAsync(HangGuard);

            Assert.Contains("certificate", ex.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("see inner exception", ex.Message, StringComparison.OrdinalIgnoreCase);
        }

        private static void AssertCertificateError(VimConnectionException ex, RawHttpServer server)
        {
            Assert.Equal("RetrieveServiceContent", ex.Operation);
            Assert.Contains("127.0.0.1:" + server.Port, ex.Message, StringComparison.Ordinal);
            Assert.Matches("(?i)certificate|SSL|TLS", ex.Message);
            Assert.DoesNotContain("timed out", ex.Message, StringComparison.Ordinal);
        }

        private static X509Certificate2 CreateSelfSigned()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=esxsdk-tls-test.invalid", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

            // Through PKCS#12 so that SslStream gets a certificate with a usable private key on every platform.
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        }

        /// <summary>An HTTPS server answering every request with the captured RetrieveServiceContent response.</summary>
        private RawHttpServer StartServer()
        {
            string serviceContent = File.ReadAllText(CapturedResponse.PathOf("RetrieveServiceContent.xml"));
            return RawHttpServer.Start(3, c => c.RespondAsync("200 OK", "text/xml; charset=utf-8", serviceContent), this.certificate);
        }
    }
}
