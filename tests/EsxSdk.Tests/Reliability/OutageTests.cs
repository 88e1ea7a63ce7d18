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
    /// The server goes away (the relay refuses connections) while a task is waited for: the wait rides the outage out and
    /// reports the task's real outcome, or, past the outage window, fails with an error naming the task, and the next
    /// task on the same client works. Every wait here is bounded (WaitAsync) so a hang fails the test instead of the run.
    /// </summary>
    public sealed class OutageTests : QuestionPeerSession
    {
        /// <summary>Back-off scaled down so the suite stays fast (the real-scale case uses the defaults).</summary>
        private static readonly VimClientOptions Scaled = new() { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };

        protected override VcsimPeerOptions PeerOptions => new() { Questions = true, BusyTaskDuration = TimeSpan.FromSeconds(6) };

        [Fact]
        public async Task A_ten_second_outage_during_a_wait_is_ridden_out_and_the_task_finished_meanwhile_reports_success()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            await using VimClient client = await this.ConnectThroughAsync(relay.Url, Scaled);
            ManagedObjectReference vm = await this.VmAsync("slow");

            Task reconfigure = client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec());
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.False(reconfigure.IsCompleted, "the slow reconfigure runs for 6 s");
            var outage = Stopwatch.StartNew();
            await relay.DownForAsync(TimeSpan.FromSeconds(10));

            // Done on the server at 6 s, inside the outage: the wait learns it once the relay is back (back-off at most 1 s).
            await reconfigure.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.InRange(outage.Elapsed, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
            Assert.True(client.Updates.Reconnects >= 1, "the loop rode out the outage");
            Assert.InRange(client.Updates.LastOutage, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(15));
            Assert.Equal(1, client.Updates.Starts);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync()); // nothing was canceled
        }

        [Fact]
        public async Task A_sixty_second_outage_at_the_default_back_off_is_ridden_out()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            await using VimClient client = await this.ConnectThroughAsync(relay.Url, new VimClientOptions());
            ManagedObjectReference vm = await this.VmAsync("slow");

            Task reconfigure = client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec());
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await relay.DownForAsync(TimeSpan.FromSeconds(60));

            // The default back-off caps at 30 s: the outage is seen over within one capped delay of its end.
            await reconfigure.WaitAsync(TimeSpan.FromSeconds(60 + 30 + 15));
            Assert.True(client.Updates.Reconnects >= 1);
            Assert.InRange(client.Updates.LastOutage, TimeSpan.FromSeconds(58), TimeSpan.FromSeconds(95));
            Assert.Equal(1, client.Updates.Starts);
        }

        [Fact]
        public async Task An_outage_longer_than_the_window_fails_the_wait_naming_the_task_and_the_next_task_succeeds()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            TimeSpan window = TimeSpan.FromSeconds(3);
            await using VimClient client = await this.ConnectThroughAsync(relay.Url, Scaled with { OutageWindow = window });
            ManagedObjectReference vm = await this.VmAsync("slow");

            Task reconfigure = client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec());
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var outage = Stopwatch.StartNew();
            Task back = relay.DownForAsync(TimeSpan.FromSeconds(9));

            var lost = await Assert.ThrowsAsync<VimConnectionException>(() => reconfigure.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.InRange(outage.Elapsed, window - TimeSpan.FromSeconds(0.5), window + TimeSpan.FromSeconds(5));
            Assert.Contains("Lost track of task task-q", lost.Message, StringComparison.Ordinal);
            Assert.Contains("may still be running", lost.Message, StringComparison.Ordinal);
            Assert.Contains("unreachable for", lost.Message, StringComparison.Ordinal);

            // The loop that gave up is not left behind: once the server is back, the next task starts a new one.
            await back;
            await Task.Delay(TimeSpan.FromSeconds(1)); // the first reconfigure (6 s) is over on the server by now
            await client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec()).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, client.Updates.Starts);
        }
    }
}
