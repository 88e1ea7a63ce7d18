using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tasks;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    [Collection(VcsimVpxCollection.Name)]
    public sealed class PrecheckTests
    {
        private readonly VcsimPeer peer;

        public PrecheckTests(VcsimVpxFixture fixture) => this.peer = fixture.Peer;

        [Fact]
        public async Task A_VM_without_question_or_pending_task_passes_under_both_policies()
        {
            await using VimClient client = await VimClient.ConnectAsync(this.peer.Url.ToString(), new NetworkCredential(this.peer.User, this.peer.Password));
            ManagedObjectReference vm = (await client.FindVirtualMachineByNameAsync("DC0_H0_VM0"))!;
            using var recorder = new ActivityRecorder(this.peer.Url);

            await client.EnsureNotBlockedAsync(vm, QuestionPolicy.Report);
            await client.EnsureNotBlockedAsync(vm, QuestionPolicy.AnswerWithDefault);

            Assert.Equal(0, recorder.Count("AnswerVM"));
        }

        [Fact]
        public async Task A_non_VM_target_is_checked_for_pending_tasks_only()
        {
            await using VimClient client = await VimClient.ConnectAsync(this.peer.Url.ToString(), new NetworkCredential(this.peer.User, this.peer.Password));

            await client.EnsureNotBlockedAsync(client.ServiceContent.RootFolder!);
        }

        [Fact]
        public async Task A_target_that_is_not_a_managed_entity_has_no_tasks_of_its_own_and_passes()
        {
            await using VimClient client = await VimClient.ConnectAsync(this.peer.Url.ToString(), new NetworkCredential(this.peer.User, this.peer.Password));

            // The virtual disk manager has no recentTask (InvalidProperty in missingSet): not an error for the pre-check.
            await client.EnsureNotBlockedAsync(client.ServiceContent.VirtualDiskManager!);
        }
    }
}
