using System;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>The session ends while a task is being waited for: the client logs in again and the same task is followed to its end.</summary>
    public sealed class TaskSessionExpiryTests : QuestionPeerSession
    {
        protected override VcsimPeerOptions PeerOptions => new() { Questions = true, BusyTaskDuration = TimeSpan.FromSeconds(6) };

        [Fact]
        public async Task A_session_ended_mid_wait_is_recovered_without_losing_the_task()
        {
            ManagedObjectReference vm = await this.VmAsync("slow");
            await using VimClient admin = await VimClient.ConnectAsync(this.Peer.Url.ToString(), new NetworkCredential(this.Peer.User, this.Peer.Password));
            string firstSession = this.Client.CurrentSession!.Key!;
            using var recorder = new ActivityRecorder(this.Peer.Url);

            Task reconfigure = this.Client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec());
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(reconfigure.IsCompleted, "the slow reconfigure runs for 6 s");
            await admin.Service.TerminateSessionAsync(admin.ServiceContent.SessionManager!, [firstSession]);
            await reconfigure.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, recorder.Count("ReconfigVM_Task"));
            Assert.Equal(1, recorder.Count("Login"));
            Assert.NotEqual(firstSession, this.Client.CurrentSession!.Key);
            Assert.Equal(1, this.Client.Updates.Recoveries);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }
    }
}
