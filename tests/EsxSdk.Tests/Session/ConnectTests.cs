using System;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Session
{
    [Collection(VcsimVpxCollection.Name)]
    public sealed class ConnectTests
    {
        private readonly VcsimPeer peer;

        public ConnectTests(VcsimVpxFixture fixture) => this.peer = fixture.Peer;

        [Theory]
        [InlineData("http://127.0.0.1:{0}/sdk")]
        [InlineData("esx://{1}@127.0.0.1:{0}/?transport=http")]
        [InlineData("vpx://{1}@127.0.0.1:{0}/DC0/DC0_C0/DC0_C0_H0?transport=http&auto_answer=1")]
        public async Task Connects_and_logs_in_by_each_URI_form(string template)
        {
            string uri = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, this.peer.Url.Port, this.peer.User);

            await using VimClient client = await VimClient.ConnectAsync(uri, new NetworkCredential(this.peer.User, this.peer.Password));

            Assert.Equal("VirtualCenter", client.ServiceContent.About?.ApiType);
            Assert.Equal(this.peer.User, client.CurrentSession?.UserName);
            Assert.Equal("6.5", client.ApiVersion);
            DateTimeOffset now = await client.Service.CurrentTimeAsync(new ManagedObjectReference("ServiceInstance", "ServiceInstance"));
            Assert.True(Math.Abs((now - DateTimeOffset.UtcNow).TotalMinutes) < 5);
        }

        [Fact]
        public async Task A_wrong_password_is_a_clear_InvalidLogin_fault_without_the_password()
        {
            const string wrong = "not-the-Password-123";

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => VimClient.ConnectAsync(this.peer.Url.ToString(), new NetworkCredential(this.peer.User, wrong)));

            Assert.IsType<InvalidLogin>(ex.Fault);
            Assert.Equal("Login", ex.Operation);
            Assert.DoesNotContain(wrong, ex.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Logout_ends_the_session_on_the_server()
        {
            await using VimClient client = await VimClient.ConnectAsync(this.peer.Url.ToString(), new NetworkCredential(this.peer.User, this.peer.Password));
            await client.LogoutAsync();

            Assert.Null(client.CurrentSession);
            var ex = await Assert.ThrowsAsync<VimFaultException>(() => client.Service.CreateFolderAsync(client.ServiceContent.RootFolder!, "after-logout"));
            Assert.IsType<NotAuthenticated>(ex.Fault);
        }

        [Fact]
        public async Task A_port_nobody_listens_on_fails_fast_with_a_connection_error()
        {
            int port = FreePort();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => VimClient.ConnectAsync("http://127.0.0.1:" + port + "/sdk", null, new VimClientOptions { Timeout = TimeSpan.FromSeconds(10) }));

            Assert.Equal("RetrieveServiceContent", ex.Operation);
            Assert.Contains("127.0.0.1:" + port, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_unknown_host_fails_with_a_connection_error_naming_it()
        {
            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => VimClient.ConnectAsync("esx://root@no-such-host.invalid/", null, new VimClientOptions { Timeout = TimeSpan.FromSeconds(10) }));

            Assert.Contains("no-such-host.invalid", ex.Message, StringComparison.Ordinal);
        }

        private static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
