using System;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>The connection drops while a task is being waited for: the shared loop re-reads the task and the wait goes on.</summary>
    public sealed class TaskConnectionDropTests : QuestionPeerSession
    {
        protected override VcsimPeerOptions PeerOptions => new() { Questions = true, BusyTaskDuration = TimeSpan.FromSeconds(5) };

        [Fact]
        public async Task A_connection_dropped_mid_wait_is_ridden_out_and_the_task_followed_to_its_end()
        {
            await using var relay = new TcpRelay(this.Peer.Url);
            await using VimClient client = await VimClient.ConnectAsync(relay.Url.ToString(), new NetworkCredential(this.Peer.User, this.Peer.Password));
            ManagedObjectReference vm = (await client.FindByInventoryPathAsync("DC0/vm/" + this.Peer.QuestionVms["slow"]))!;

            Task reconfigure = client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec());
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(reconfigure.IsCompleted, "the slow reconfigure runs for 5 s");
            relay.DropConnections();
            await reconfigure.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(client.Updates.Reconnects >= 1, "the loop saw the dropped connection");
            Assert.Equal(0, client.Updates.Recoveries);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }
    }
}
