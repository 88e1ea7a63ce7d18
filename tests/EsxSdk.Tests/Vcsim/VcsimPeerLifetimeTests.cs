using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using EsxSdk.Tests.Support;
using Xunit;

namespace EsxSdk.Tests.Vcsim
{
    /// <summary>Peers of their own: session expiry, options, start failures and shutdown on dispose.</summary>
    public sealed class VcsimPeerLifetimeTests
    {
        [Fact]
        public async Task A_session_idle_for_longer_than_the_timeout_is_NotAuthenticated()
        {
            TimeSpan idle = TimeSpan.FromSeconds(1);
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { SessionIdleTimeout = idle });
            string session = await SoapProbe.LoginAsync(peer);
            SoapProbeResponse fresh = await SoapProbe.PostAsync(peer, SoapProbe.CurrentTime(), session);
            Assert.True(fresh.StatusCode == HttpStatusCode.OK, fresh.ToString());

            // The simulator checks each session every interval, so it ends one to two intervals after its last call.
            await Task.Delay((3 * idle) + TimeSpan.FromMilliseconds(500));
            SoapProbeResponse stale = await SoapProbe.PostAsync(peer, SoapProbe.CurrentTime(), session);

            Assert.Equal(HttpStatusCode.InternalServerError, stale.StatusCode);
            Assert.Equal("NotAuthenticated", stale.FaultType);
        }

        [Fact]
        public async Task Disposing_the_peer_ends_the_process_and_closes_the_port()
        {
            VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { Model = VcsimModel.Esx });
            int port = peer.Url.Port;
            using (var client = new TcpClient())
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
            }

            await peer.DisposeAsync();

            Assert.False(peer.WasKilled, peer.StandardError);
            Assert.Equal(0, peer.ExitCode);
            Assert.Contains("stdin closed", peer.StandardError, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(peer.ProcessId));
            using (var client = new TcpClient())
            {
                SocketException refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
                Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
            }
        }

        [Fact]
        public async Task The_vms_option_sets_the_number_of_VMs_of_the_model()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { Model = VcsimModel.Esx, Vms = 3 });

            string propertyCollector = (await SoapProbe.ServiceContentAsync(peer)).Value("propertyCollector");
            string session = await SoapProbe.LoginAsync(peer);

            // Without a session vcsim answers 200 with the property in missingSet (NotAuthenticated).
            SoapProbeResponse response = await SoapProbe.PostAsync(
                peer, SoapProbe.RetrieveProperties(propertyCollector, "HostSystem", "ha-host", "vm"), session);

            Assert.True(response.StatusCode == HttpStatusCode.OK, response.ToString());
            Assert.Equal(3, response.Find("ManagedObjectReference").Count(e => (string?)e.Attribute("type") == "VirtualMachine"));
        }

        [Fact]
        public async Task A_peer_that_fails_to_start_reports_its_exit_code_and_stderr()
        {
            InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(
                () => VcsimPeer.StartAsync(new VcsimPeerOptions { Model = VcsimModel.Esx, Hosts = 2 }));

            Assert.Contains("exited with code 1 before printing its ready line", e.Message, StringComparison.Ordinal);
            Assert.Contains("-hosts is only supported with -model vpx", e.Message, StringComparison.Ordinal);
        }
    }
}
