using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
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
            ManagedObjectReference first = (await this.client.FindByInventoryPathAsync("DC0/vm/DC0_H0_VM0"))!;
            ManagedObjectReference second = (await this.client.FindByInventoryPathAsync("DC0/vm/DC0_C0_RP0_VM0"))!;
            await this.client.Service.PowerOffVMAsync(first);
            var recorder = new ActivityRecorder(this.peer.Url);

            await this.client.Service.PowerOffVMAsync(second);

            recorder.Dispose();
            Assert.Equal("poweredOff", ((VirtualMachinePowerState)(await this.client.GetPropertiesAsync(second, "runtime.powerState"))["runtime.powerState"]!).Value);
            string[] calls = ["RetrievePropertiesEx", "PowerOffVM_Task", "CreatePropertyCollector", "CreateFilter", "DestroyPropertyFilter"];
            output.WriteLine("round trips for one task without a question (the loop's collector exists): " + string.Join(", ", calls.Select(c => c + "=" + recorder.Count(c))));

            // Pre-check 1 + start 1 + info filter 1 + its current value 1 + filter removal 1; vcsim's task is done at once,
            // so no question filter is made. The shared WaitForUpdatesEx loop is not per task.
            Assert.Equal((2, 1, 0, 1, 1), (recorder.Count("RetrievePropertiesEx"), recorder.Count("PowerOffVM_Task"), recorder.Count("CreatePropertyCollector"), recorder.Count("CreateFilter"), recorder.Count("DestroyPropertyFilter")));
            Assert.Equal(5, recorder.CountAllExcept("WaitForUpdatesEx"));
        }

        [Fact]
        public async Task Wrappers_return_the_documented_result_typed()
        {
            ManagedObjectReference vm = (await this.client.FindByInventoryPathAsync("DC0/vm/DC0_H0_VM1"))!;
            ManagedObjectReference folder = (await this.client.FindByInventoryPathAsync("DC0/vm"))!;

            ManagedObjectReference clone = await this.client.Service.CloneVMAsync(vm, folder, "esxsdk-clone", new VirtualMachineCloneSpec { Location = new VirtualMachineRelocateSpec() });
            ManagedObjectReference snapshot = await this.client.Service.CreateSnapshotAsync(vm, "before", memory: false, quiesce: false);

            Assert.Equal("VirtualMachine", clone.Type);
            Assert.Equal(clone, await this.client.FindByInventoryPathAsync("DC0/vm/esxsdk-clone"));
            Assert.Equal("VirtualMachineSnapshot", snapshot.Type);
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
