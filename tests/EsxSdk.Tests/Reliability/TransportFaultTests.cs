using System;
using System.Diagnostics;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Reliability
{
    /// <summary>
    /// What a failed call says about its request (never sent, or maybe received), and what the runner does with it:
    /// a start that certainly sent nothing waits out the outage; cut and stalled responses are errors that say the
    /// request may have arrived.
    /// </summary>
    public sealed class TransportFaultTests : QuestionPeerSession
    {
        private static readonly ManagedObjectReference ServiceInstance = new("ServiceInstance", "ServiceInstance");

        protected override VcsimPeerOptions PeerOptions => new() { Questions = true, BusyTaskDuration = TimeSpan.FromSeconds(2) };

        [Fact]
        public async Task A_refused_connection_is_known_not_to_have_sent_the_request()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            await using VimClient client = await this.ConnectThroughAsync(relay.Url, new VimClientOptions());
            relay.GoDown();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => client.Service.CurrentTimeAsync(ServiceInstance));

            Assert.True(ex.RequestNotSent, ex.ToString());
        }

        [Fact]
        public async Task A_cut_response_may_have_been_received_and_says_so()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            await using VimClient client = await this.ConnectThroughAsync(relay.Url, new VimClientOptions());
            relay.CutResponsesAfterBytes = 200;
            relay.DropConnections();

            var ex = await Assert.ThrowsAnyAsync<VimException>(() => client.Service.CurrentTimeAsync(ServiceInstance));

            Assert.False(ex is VimConnectionException { RequestNotSent: true }, ex.ToString());
        }

        [Fact]
        public async Task A_stalled_server_times_out_within_the_client_timeout()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            await using VimClient client = await this.ConnectThroughAsync(relay.Url, new VimClientOptions { Timeout = TimeSpan.FromSeconds(3) });
            relay.Stalled = true;
            relay.DropConnections();
            var clock = Stopwatch.StartNew();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => client.Service.CurrentTimeAsync(ServiceInstance).WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10));
            Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
            Assert.False(ex.RequestNotSent);
        }

        [Fact]
        public async Task A_task_started_while_the_server_is_down_waits_for_it_and_runs_once()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            await using VimClient client = await this.ConnectThroughAsync(relay.Url, new VimClientOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) });
            ManagedObjectReference vm = await this.VmAsync("slow");
            Task back = relay.DownForAsync(TimeSpan.FromSeconds(3));
            var clock = Stopwatch.StartNew();

            await client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec()).WaitAsync(TimeSpan.FromSeconds(30));

            await back;
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3), "the pre-check and the start waited for the server");
            Assert.Empty(await this.RecentTasksAsync(vm)); // one reconfigure ran (a second would be refused or still running)
        }

        [Fact]
        public async Task A_stall_during_a_wait_is_ridden_out_as_an_outage()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            await using VimClient client = await this.ConnectThroughAsync(relay.Url, new VimClientOptions { Timeout = TimeSpan.FromSeconds(4), ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) });
            ManagedObjectReference vm = await this.VmAsync("slow");

            Task reconfigure = client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec());
            await Task.Delay(TimeSpan.FromSeconds(0.5));
            relay.Stalled = true;
            relay.DropConnections();
            await Task.Delay(TimeSpan.FromSeconds(6)); // the task (2 s) ends on the server meanwhile; calls time out
            relay.Stalled = false;

            await reconfigure.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(client.Updates.Reconnects >= 1);
        }
    }
}
