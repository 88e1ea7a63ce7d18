using System;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Session;
using Xunit;

namespace EsxSdk.Tests.Session
{
    /// <summary>Plain HTTP sends the password in clear text: refused for hosts other than loopback unless the URI allows it. Nothing is sent here.</summary>
    public sealed class PlaintextTests
    {
        [Theory]
        [InlineData("http://esx1.example.com/sdk")]
        [InlineData("esx://root@esx1.example.com/?transport=http")]
        [InlineData("vpx://admin@10.0.0.5/dc1?TRANSPORT=http")]
        public void Plain_http_to_a_remote_host_is_refused_naming_the_host_and_the_way_out(string uri)
        {
            VimConnectionUri parsed = VimConnectionUri.Parse(uri);

            Assert.True(parsed.IsPlaintextToRemoteHost);
            var ex = Assert.Throws<VimConnectionException>(parsed.EnsurePlaintextAllowed);
            Assert.Contains("clear text", ex.Message, StringComparison.Ordinal);
            Assert.Contains(parsed.SdkUri.Host, ex.Message, StringComparison.Ordinal);
            Assert.Contains("allow_plaintext=1", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("http://127.0.0.1:8989/sdk")]
        [InlineData("http://127.8.9.10/sdk")]
        [InlineData("http://localhost:8989/sdk")]
        [InlineData("http://[::1]:8989/sdk")]
        [InlineData("https://esx1.example.com/sdk")]
        [InlineData("esx://root@esx1.example.com/")]
        [InlineData("http://esx1.example.com/sdk?allow_plaintext=1")]
        public void Loopback_https_or_an_explicit_allow_is_accepted(string uri)
        {
            VimConnectionUri parsed = VimConnectionUri.Parse(uri);

            parsed.EnsurePlaintextAllowed();
            Assert.Equal(uri.Contains("allow_plaintext=1", StringComparison.Ordinal), parsed.AllowPlaintext);
        }

        [Fact]
        public async Task ConnectAsync_refuses_before_any_connection_is_made()
        {
            // A host under .invalid never resolves; the refusal comes before even a name lookup.
            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => VimClient.ConnectAsync("http://esx1.invalid/sdk", new NetworkCredential("root", "secret-password")));

            Assert.StartsWith("Refusing to connect to http://esx1.invalid/sdk over plain HTTP", ex.Message, StringComparison.Ordinal);
            Assert.Null(ex.InnerException);
            Assert.DoesNotContain("secret-password", ex.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_bad_allow_plaintext_value_is_a_format_error()
            => Assert.Throws<FormatException>(() => VimConnectionUri.Parse("http://esx1.example.com/sdk?allow_plaintext=yes"));
    }
}
