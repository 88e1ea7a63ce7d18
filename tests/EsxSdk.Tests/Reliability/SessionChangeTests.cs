using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Reliability
{
    /// <summary>
    /// The collector and its filters belong to a session: a session ended while the client is idle, a restarted
    /// server, or a short client Timeout must never turn into an error for work the server did.
    /// </summary>
    public sealed class SessionChangeTests
    {
        [Fact]
        public async Task A_session_terminated_while_idle_is_replaced_once_and_a_power_cycle_succeeds()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions());
            await using VimClient client = await ConnectAsync(peer.Url);
            await using VimClient admin = await ConnectAsync(peer.Url);
            ManagedObjectReference vm = await FindVmAsync(client);
            await client.Service.PowerOffVMAsync(vm).WaitAsync(TimeSpan.FromSeconds(30)); // the update loop runs now

            await admin.Service.TerminateSessionAsync(admin.ServiceContent.SessionManager!, [client.CurrentSession!.Key!]);
            using var recorder = new ActivityRecorder(peer.Url);
            await client.Service.PowerOnVMAsync(vm).WaitAsync(TimeSpan.FromSeconds(30));
            await client.Service.PowerOffVMAsync(vm).WaitAsync(TimeSpan.FromSeconds(30));
            await client.Service.PowerOnVMAsync(vm).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, recorder.Count("Login"));
            Assert.Equal(1, client.Updates.Starts);
            Assert.True(client.Updates.Recoveries >= 1, "the collector was made again in the new session");
            Assert.Equal(VirtualMachinePowerState.PoweredOn, (await client.GetPropertiesAsync(vm, "runtime.powerState"))["runtime.powerState"]);
        }

        [Fact]
        public async Task A_client_with_a_ten_second_timeout_keeps_its_loop_through_idle_polls_and_runs_five_tasks()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { Vms = 3 });
            await using VimClient client = await ConnectAsync(peer.Url, new VimClientOptions { Timeout = TimeSpan.FromSeconds(10) });
            Assert.Equal(7, client.Updates.MaxWaitSeconds);
            ManagedObjectReference[] vms = await Task.WhenAll(
                new[] { "DC0_H0_VM0", "DC0_H0_VM1", "DC0_H0_VM2", "DC0_C0_RP0_VM0", "DC0_C0_RP0_VM1" }.Select(async name => (await client.FindByInventoryPathAsync("DC0/vm/" + name))!));
            await client.Service.PowerOffVMAsync(vms[0]).WaitAsync(TimeSpan.FromSeconds(30)); // starts the loop
            long pollsBefore = client.Updates.WaitCalls;

            await Task.Delay(TimeSpan.FromSeconds(25)); // over three empty long polls of 7 s
            await Task.WhenAll(vms.Skip(1).Select(vm => client.Service.PowerOffVMAsync(vm)).Append(client.Service.PowerOnVMAsync(vms[0]))).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(client.Updates.WaitCalls - pollsBefore >= 3, "idle polls: " + (client.Updates.WaitCalls - pollsBefore));
            Assert.Equal(0, client.Updates.Reconnects); // an empty poll is not a dropped connection
            Assert.Equal(1, client.Updates.Starts);
        }

        [Fact]
        public async Task A_restarted_server_is_logged_in_to_again_and_the_next_task_succeeds()
        {
            VcsimPeer first = await VcsimPeer.StartAsync(new VcsimPeerOptions());
            await using var relay = new TcpRelay(first.Url);
            await using VimClient client = await ConnectAsync(relay.Url, new VimClientOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) });
            ManagedObjectReference vm = await FindVmAsync(client);
            await client.Service.PowerOffVMAsync(vm).WaitAsync(TimeSpan.FromSeconds(30));
            string firstSession = client.CurrentSession!.Key!;

            await first.DisposeAsync();
            await using VcsimPeer second = await VcsimPeer.StartAsync(new VcsimPeerOptions());
            relay.Retarget(second.Url);
            relay.DropConnections();
            ManagedObjectReference again = await FindVmAsync(client);
            await client.Service.PowerOffVMAsync(again).WaitAsync(TimeSpan.FromSeconds(30));
            await client.Service.PowerOnVMAsync(again).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.NotEqual(firstSession, client.CurrentSession!.Key);
            Assert.True(client.Updates.Recoveries >= 1);
            Assert.Equal(VirtualMachinePowerState.PoweredOn, (await client.GetPropertiesAsync(again, "runtime.powerState"))["runtime.powerState"]);
        }

        [Fact]
        public async Task Logout_then_dispose_returns_at_once_and_dispose_sends_nothing()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions());
            VimClient client = await ConnectAsync(peer.Url);
            await client.Service.PowerOffVMAsync(await FindVmAsync(client)).WaitAsync(TimeSpan.FromSeconds(30)); // a long poll is in flight

            await client.LogoutAsync().WaitAsync(TimeSpan.FromSeconds(15));
            using var recorder = new ActivityRecorder(peer.Url);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "DisposeAsync after LogoutAsync took " + clock.Elapsed);
            Assert.Equal(0, recorder.CountAllExcept());
            Assert.Null(client.CurrentSession);
        }

        private static Task<VimClient> ConnectAsync(Uri url, VimClientOptions? options = null)
            => VimClient.ConnectAsync(url.ToString(), new NetworkCredential(VcsimPeerOptions.DefaultUser, VcsimPeerOptions.DefaultPassword), options);

        private static async Task<ManagedObjectReference> FindVmAsync(VimClient client)
            => await client.FindByInventoryPathAsync("DC0/vm/DC0_H0_VM0") ?? throw new InvalidOperationException("no DC0_H0_VM0");
    }
}
