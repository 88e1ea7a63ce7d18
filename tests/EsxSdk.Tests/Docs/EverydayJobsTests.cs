using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tests.Integration;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using EsxSdk.Vim25.Objects;
using Xunit;

namespace EsxSdk.Tests.Docs
{
    /// <summary>
    /// The README's everyday jobs (<see cref="EverydayJobs"/>) against vcsim's vCenter inventory, the demo's simulator; each
    /// outcome is read back with the untyped property collector. Jobs that only read share the collection's simulator; jobs
    /// that change the inventory get a simulator of their own, as <see cref="VmOperationsTests"/> do.
    /// </summary>
    [Collection(VcsimVpxCollection.Name)]
    public sealed class EverydayJobsTests
    {
        private const string JobVmName = "DC0_H0_VM0";

        private readonly VcsimPeer peer;

        public EverydayJobsTests(VcsimVpxFixture fixture)
        {
            this.peer = fixture.Peer;
        }

        [Fact]
        public async Task Listing_prints_every_VM_with_its_name_power_state_guest_OS_and_host()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);

            string printed = await ConsoleCapture.RunAsync(() => EverydayJobs.ListVirtualMachinesAsync(client));

            var expected = new List<string>();
            await foreach (ObjectContent vm in client.ListAsync("VirtualMachine", ["name", "runtime.powerState", "summary.config.guestFullName", "runtime.host"]))
            {
                Dictionary<string, object?> values = vm.PropSet.ToDictionary(p => p.Name!, p => p.Val, StringComparer.Ordinal);
                var host = (ManagedObjectReference)values["runtime.host"]!;
                string hostName = (string)(await client.GetPropertiesAsync(host, "name"))["name"]!;
                string[] fields = [(string)values["name"]!, values["runtime.powerState"]!.ToString()!, (string)values["summary.config.guestFullName"]!, hostName];
                Assert.All(fields, field => Assert.False(string.IsNullOrEmpty(field), "every simulator VM has a name, power state, guest OS and host"));
                expected.Add(string.Join(" ", fields));
            }

            string[] lines = printed.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.True(expected.Count > 1, "the simulator has several VMs");
            Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        }

        [Fact]
        public async Task Finding_by_name_returns_the_VM_of_that_name()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);

            ManagedObjectReference? vm = await EverydayJobs.FindVirtualMachineAsync(client);

            Assert.NotNull(vm);
            Assert.Equal("VirtualMachine", vm.Type);
            Assert.Equal(JobVmName, (await client.GetPropertiesAsync(vm, "name"))["name"]);
            Assert.Equal(await client.FindByInventoryPathAsync("DC0/vm/" + JobVmName), vm);
        }

        [Fact]
        public async Task Power_cycling_powers_the_VM_off_and_on_again()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = (await EverydayJobs.FindVirtualMachineAsync(client))!;
            Assert.Equal(VirtualMachinePowerState.PoweredOn, await client.GetAsync(vm, VirtualMachineView.Paths.Runtime.PowerState));
            DateTimeOffset? bootedBefore = await client.GetAsync(vm, VirtualMachineView.Paths.Summary.Runtime.BootTime);
            Assert.NotNull(bootedBefore);
            IReadOnlyList<TaskInfo> tasksBefore = await SucceededTasksAsync(client, vm); // the simulator's own power-on at start
            await Task.Delay(20); // the next boot time must be later

            await EverydayJobs.PowerCycleAsync(client, vm);

            Assert.Equal(VirtualMachinePowerState.PoweredOn, await client.GetAsync(vm, VirtualMachineView.Paths.Runtime.PowerState));
            Assert.True(await client.GetAsync(vm, VirtualMachineView.Paths.Summary.Runtime.BootTime) > bootedBefore, "the VM booted again");
            IEnumerable<TaskInfo> jobTasks = (await SucceededTasksAsync(client, vm)).ExceptBy(tasksBefore.Select(t => t.Key), t => t.Key);
            Assert.Equal(["VirtualMachine.powerOff", "VirtualMachine.powerOn"], jobTasks.Select(t => t.DescriptionId));
        }

        [Fact]
        public async Task Taking_a_snapshot_makes_it_the_VMs_current_snapshot()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = (await EverydayJobs.FindVirtualMachineAsync(client))!;
            Assert.Null(await client.GetAsync(vm, VirtualMachineView.Paths.Snapshot));

            await EverydayJobs.SnapshotAsync(client, vm);

            var info = (VirtualMachineSnapshotInfo)(await client.GetPropertiesAsync(vm, "snapshot"))["snapshot"]!;
            VirtualMachineSnapshotTree snapshot = Assert.Single(info.RootSnapshotList);
            Assert.Equal(("before-upgrade", vm, snapshot.Snapshot), (snapshot.Name, snapshot.Vm, info.CurrentSnapshot));
            Assert.Equal("VirtualMachineSnapshot", snapshot.Snapshot!.Type);
        }

        [Fact]
        public async Task Cloning_adds_a_VM_of_the_new_name_beside_the_original()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = (await EverydayJobs.FindVirtualMachineAsync(client))!;
            int vmsBefore = await CountVirtualMachinesAsync(client);
            Assert.Null(await client.FindByInventoryPathAsync("DC0/vm/" + JobVmName + "-clone"));

            await EverydayJobs.CloneAsync(client, vm);

            ManagedObjectReference? clone = await client.FindByInventoryPathAsync("DC0/vm/" + JobVmName + "-clone");
            Assert.NotNull(clone);
            Assert.NotEqual(vm, clone);
            Assert.Equal(vmsBefore + 1, await CountVirtualMachinesAsync(client));
            IReadOnlyDictionary<string, object?> original = await client.GetPropertiesAsync(vm, "parent", "config.hardware.numCPU");
            IReadOnlyDictionary<string, object?> copy = await client.GetPropertiesAsync(clone, "parent", "config.hardware.numCPU");
            Assert.Equal(original["parent"], copy["parent"]);
            Assert.Equal(original["config.hardware.numCPU"], copy["config.hardware.numCPU"]);
        }

        [Fact]
        public async Task Reconfiguring_changes_the_CPUs_and_memory_read_back()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = (await EverydayJobs.FindVirtualMachineAsync(client))!;
            IReadOnlyDictionary<string, object?> before = await client.GetPropertiesAsync(vm, "config.hardware.numCPU", "config.hardware.memoryMB");
            Assert.NotEqual((2, 2048), ((int)before["config.hardware.numCPU"]!, (int)before["config.hardware.memoryMB"]!));

            await EverydayJobs.ReconfigureAsync(client, vm);

            IReadOnlyDictionary<string, object?> after = await client.GetPropertiesAsync(vm, "config.hardware.numCPU", "config.hardware.memoryMB");
            Assert.Equal((2, 2048), ((int)after["config.hardware.numCPU"]!, (int)after["config.hardware.memoryMB"]!));
        }

        /// <summary>The successful tasks on <paramref name="vm"/> among the task manager's recent tasks, oldest first.</summary>
        private static async Task<IReadOnlyList<TaskInfo>> SucceededTasksAsync(VimClient client, ManagedObjectReference vm)
        {
            var tasks = new List<TaskInfo>();
            foreach (ManagedObjectReference task in (await client.GetPropertiesAsync(client.ServiceContent.TaskManager!, "recentTask"))["recentTask"] as ManagedObjectReference[] ?? [])
            {
                tasks.Add((TaskInfo)(await client.GetPropertiesAsync(task, "info"))["info"]!);
            }

            return tasks.Where(t => t.Entity == vm && t.State == TaskInfoState.Success).OrderBy(t => t.QueueTime).ToList();
        }

        private static async Task<int> CountVirtualMachinesAsync(VimClient client)
        {
            int count = 0;
            await foreach (ObjectContent unused in client.ListAsync("VirtualMachine", ["name"]))
            {
                count++;
            }

            return count;
        }
    }
}
