using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Tasks;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>Task outcomes without questions, on a default vCenter-model peer of its own.</summary>
    public sealed class TaskRunnerOutcomeTests(ITestOutputHelper output) : IAsyncLifetime
    {
        private VcsimPeer peer = null!;
        private VimClient client = null!;

        public async Task InitializeAsync()
        {
            this.peer = await VcsimPeer.StartAsync();
            this.client = await VimClient.ConnectAsync(this.peer.Url.ToString(), new NetworkCredential(this.peer.User, this.peer.Password));
        }

        public async Task DisposeAsync()
        {
            await this.client.DisposeAsync();
            await this.peer.DisposeAsync();
        }

        [Fact]
        public async Task A_task_without_question_succeeds_and_its_round_trips_are_counted()
        {
            ManagedObjectReference vm = (await this.client.FindByInventoryPathAsync("DC0/vm/DC0_H0_VM0"))!;
            using var recorder = new ActivityRecorder();

            await this.client.RunTaskAsync(vm, ct => this.client.Service.PowerOffVMTaskAsync(vm, ct));

            Assert.Equal("poweredOff", ((VirtualMachinePowerState)(await this.client.GetPropertiesAsync(vm, "runtime.powerState"))["runtime.powerState"]!).Value);
            string[] calls = ["RetrievePropertiesEx", "PowerOffVM_Task", "CreatePropertyCollector", "CreateFilter", "DestroyPropertyFilter", "WaitForUpdatesEx", "ContinueRetrievePropertiesEx"];
            output.WriteLine("round trips for one task without a question: " + string.Join(", ", calls.Select(c => c + "=" + recorder.Count(c))));
            Assert.Equal(1, recorder.Count("PowerOffVM_Task"));
        }

        [Fact]
        public async Task A_task_ending_in_error_raises_its_typed_fault()
        {
            ManagedObjectReference vm = (await this.client.FindByInventoryPathAsync("DC0/vm/DC0_H0_VM1"))!;

            var ex = await Assert.ThrowsAsync<VimTaskFailedException>(() => this.client.RunTaskAsync(vm, ct => this.client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct)));

            Assert.IsType<InvalidPowerState>(ex.Fault);
            Assert.Contains("InvalidPowerState", ex.Message, System.StringComparison.Ordinal);
            Assert.Equal(TaskInfoState.Error, ex.Info.State);
        }
    }
}
