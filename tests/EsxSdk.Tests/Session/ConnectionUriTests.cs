using System;
using EsxSdk.Session;
using Xunit;

namespace EsxSdk.Tests.Session
{
    /// <summary>VimConnectionUri.Parse: the libvirt-style and plain SDK forms, the query flags, and clear refusals that never echo a password.</summary>
    public sealed class ConnectionUriTests
    {
        private const string Sha256Upper = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";

        [Fact]
        public void Esx_with_only_a_host_is_https_on_the_default_port_at_sdk()
        {
            VimConnectionUri uri = VimConnectionUri.Parse("esx://host/");

            Assert.Equal(new Uri("https://host/sdk"), uri.SdkUri);
            Assert.Equal("https://host/sdk", uri.SdkUri.AbsoluteUri);
            Assert.Equal("esx", uri.Scheme);
            Assert.Null(uri.UserName);
            Assert.Null(uri.InventoryPath);
            Assert.False(uri.NoVerify);
            Assert.False(uri.AutoAnswer);
            Assert.Null(uri.Thumbprint);
        }

        [Fact]
        public void Esx_keeps_the_user_the_port_and_no_verify()
        {
            VimConnectionUri uri = VimConnectionUri.Parse("esx://root@host:8443/?no_verify=1");

            Assert.Equal("root", uri.UserName);
            Assert.Equal("https://host:8443/sdk", uri.SdkUri.AbsoluteUri);
            Assert.Equal(8443, uri.SdkUri.Port);
            Assert.True(uri.NoVerify);
        }

        [Fact]
        public void Vpx_keeps_the_inventory_path_after_the_host()
        {
            VimConnectionUri uri = VimConnectionUri.Parse("vpx://admin@vc/dc1/cluster1/esx1");

            Assert.Equal("vpx", uri.Scheme);
            Assert.Equal("admin", uri.UserName);
            Assert.Equal("dc1/cluster1/esx1", uri.InventoryPath);
            Assert.Equal("https://vc/sdk", uri.SdkUri.AbsoluteUri);
        }

        [Fact]
        public void Vpx_without_a_path_has_no_inventory_path()
        {
            Assert.Null(VimConnectionUri.Parse("vpx://admin@vc/").InventoryPath);
        }

        [Theory]
        [InlineData("https://host/sdk", "https://host/sdk")]
        [InlineData("https://host", "https://host/sdk")]
        [InlineData("https://host/", "https://host/sdk")]
        [InlineData("https://host:9443/custom/sdk", "https://host:9443/custom/sdk")]
        [InlineData("http://127.0.0.1:8989/sdk", "http://127.0.0.1:8989/sdk")]
        [InlineData("esx://host/?transport=http", "http://host/sdk")]
        [InlineData("esx://host:8080/?transport=http", "http://host:8080/sdk")]
        [InlineData("vpx://admin@vc/dc1?transport=https", "https://vc/sdk")]
        public void The_SDK_endpoint_is_derived_from_the_scheme_path_and_transport(string input, string expected)
        {
            Assert.Equal(expected, VimConnectionUri.Parse(input).SdkUri.AbsoluteUri);
        }

        [Fact]
        public void Http_keeps_its_scheme_and_port()
        {
            VimConnectionUri uri = VimConnectionUri.Parse("http://127.0.0.1:8989/sdk");

            Assert.Equal("http", uri.Scheme);
            Assert.Equal(Uri.UriSchemeHttp, uri.SdkUri.Scheme);
            Assert.Equal(8989, uri.SdkUri.Port);
        }

        [Theory]
        [InlineData("esx://host/?auto_answer=0", false)]
        [InlineData("esx://host/?auto_answer=1", true)]
        [InlineData("esx://host/", false)]
        [InlineData("vpx://admin@vc/dc1?auto_answer=1&no_verify=1", true)]
        public void Auto_answer_is_off_unless_set_to_1(string input, bool expected)
        {
            Assert.Equal(expected, VimConnectionUri.Parse(input).AutoAnswer);
        }

        [Theory]
        [InlineData("esx://host/?no_verify=0", false)]
        [InlineData("esx://host/?no_verify=1", true)]
        public void No_verify_is_0_or_1(string input, bool expected)
        {
            Assert.Equal(expected, VimConnectionUri.Parse(input).NoVerify);
        }

        [Theory]
        [InlineData(Sha256Upper)]
        [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
        [InlineData("01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF")]
        [InlineData("01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef")]
        public void A_thumbprint_is_normalized_to_upper_case_hex_without_colons(string thumbprint)
        {
            VimConnectionUri uri = VimConnectionUri.Parse("esx://host/?thumbprint=" + thumbprint);

            Assert.Equal(Sha256Upper, uri.Thumbprint);
            Assert.False(uri.NoVerify);
        }

        [Theory]
        [InlineData("ftp://host/", "ftp")]
        [InlineData("ssh://root@host/", "ssh")]
        public void An_unknown_scheme_is_named(string input, string scheme)
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse(input));

            Assert.Contains("Unknown scheme '" + scheme + "'", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("esx:///")]
        [InlineData("esx://")]
        [InlineData("https:///sdk")]
        [InlineData("host.example.com")]
        public void A_URI_without_a_host_is_refused(string input)
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse(input));

            Assert.Contains("not a connection URI", ex.Message, StringComparison.Ordinal);
            Assert.Contains("host", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("esx://root:Sup3r-Secret@host/")]
        [InlineData("vpx://admin:Sup3r-Secret@vc/dc1/cluster1?no_verify=1")]
        [InlineData("https://root:Sup3r-Secret@host/sdk")]
        [InlineData("esx://root:Sup3r-Secret@host/?no_verify=yes")]
        [InlineData("ftp://root:Sup3r-Secret@host/")]
        public void A_password_in_the_URI_is_refused_without_repeating_it(string input)
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse(input));

            Assert.DoesNotContain("Sup3r-Secret", ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Secret", ex.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_password_in_the_URI_is_named_as_the_problem()
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse("esx://root:Sup3r-Secret@host/"));

            Assert.Contains("contains a password", ex.Message, StringComparison.Ordinal);
            Assert.Contains("root:***@host", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_password_holding_an_at_sign_is_not_echoed_either()
        {
            // System.Uri refuses the two '@', so the error is "not a connection URI", built with Redact(uri).
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse("esx://root:Pa@ss-W0rd-tail@host/"));

            Assert.DoesNotContain("W0rd-tail", ex.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_percent_encoded_colon_cannot_smuggle_a_password_into_the_user_name()
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse("esx://root%3AS3cret-Word@host/"));

            Assert.DoesNotContain("S3cret-Word", ex.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void An_unknown_query_parameter_is_named()
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse("esx://host/?no_verfy=1"));

            Assert.Contains("Unknown query parameter 'no_verfy'", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("no_verify=yes", "no_verify='yes'")]
        [InlineData("no_verify=true", "no_verify='true'")]
        [InlineData("no_verify", "no_verify=''")]
        [InlineData("auto_answer=2", "auto_answer='2'")]
        public void A_flag_other_than_0_or_1_is_refused(string query, string named)
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse("esx://host/?" + query));

            Assert.Contains(named, ex.Message, StringComparison.Ordinal);
            Assert.Contains("use 0 or 1", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("no_verify=1&no_verify=0", "no_verify")]
        [InlineData("no_verify=1&no_verify=1", "no_verify")]
        [InlineData("transport=http&transport=https", "transport")]
        public void A_duplicate_parameter_is_refused(string query, string name)
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse("esx://host/?" + query));

            Assert.Contains("'" + name + "' appears twice", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unknown_transport_is_refused()
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse("esx://host/?transport=ftp"));

            Assert.Contains("transport='ftp'", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("xyz")]
        [InlineData("")]
        [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDE")]
        [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF00")]
        [InlineData("G123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
        [InlineData("01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67")]
        public void A_thumbprint_that_is_not_a_SHA256_hash_is_refused(string thumbprint)
        {
            var ex = Assert.Throws<FormatException>(() => VimConnectionUri.Parse("esx://host/?thumbprint=" + thumbprint));

            Assert.Contains("thumbprint", ex.Message, StringComparison.Ordinal);
            Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("esx://root@host:8443/?no_verify=1&auto_answer=1")]
        [InlineData("vpx://administrator%40vsphere.local@vc/dc1/cluster1/esx1?thumbprint=" + Sha256Upper)]
        [InlineData("https://host/sdk")]
        [InlineData("http://127.0.0.1:8989/sdk")]
        public void ToString_shows_where_and_who_but_no_secret(string input)
        {
            VimConnectionUri uri = VimConnectionUri.Parse(input);

            string text = uri.ToString();

            Assert.Contains(uri.SdkUri.Host, text, StringComparison.Ordinal);
            Assert.DoesNotContain(":***", text, StringComparison.Ordinal);
            Assert.Equal(uri.UserName is not null, text.Contains('@', StringComparison.Ordinal));
            Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void ToString_of_the_esx_form_is_exact()
        {
            Assert.Equal("esx://root@host:8443/sdk (no_verify) (auto_answer)", VimConnectionUri.Parse("esx://root@host:8443/?no_verify=1&auto_answer=1").ToString());
        }

        [Fact]
        public void A_user_name_with_an_at_sign_is_unescaped()
        {
            VimConnectionUri uri = VimConnectionUri.Parse("vpx://administrator%40vsphere.local@vc/");

            Assert.Equal("administrator@vsphere.local", uri.UserName);
            Assert.Equal("vc", uri.SdkUri.Host);
        }
    }
}
