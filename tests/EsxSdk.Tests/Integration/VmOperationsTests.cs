using System;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Integration
{
    /// <summary>VM and folder operations against a private vcsim each, checked by reading the properties they change.</summary>
    public sealed class VmOperationsTests
    {
        private const string Vm0Path = "DC0/vm/DC0_H0_VM0";

        [Fact]
        public async Task Power_off_on_suspend_and_reset_change_the_power_state()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await FindAsync(client, Vm0Path);
            Assert.Equal(VirtualMachinePowerState.PoweredOn, await PowerStateAsync(client, vm));

            TaskInfo off = await TaskWait.WaitAsync(client, await client.Service.PowerOffVMTaskAsync(vm));
            Assert.Equal(TaskInfoState.Success, off.State);
            Assert.Equal(vm, off.Entity);
            Assert.Equal(VirtualMachinePowerState.PoweredOff, await PowerStateAsync(client, vm));

            await TaskWait.SucceedsAsync(client, await client.Service.PowerOnVMTaskAsync(vm));
            Assert.Equal(VirtualMachinePowerState.PoweredOn, await PowerStateAsync(client, vm));
            var bootTime = (DateTimeOffset)(await Properties.GetAsync(client, vm, "summary.runtime.bootTime"))!;

            await TaskWait.SucceedsAsync(client, await client.Service.SuspendVMTaskAsync(vm));
            Assert.Equal(VirtualMachinePowerState.Suspended, await PowerStateAsync(client, vm));

            await TaskWait.SucceedsAsync(client, await client.Service.PowerOnVMTaskAsync(vm, host: null));
            Assert.Equal(VirtualMachinePowerState.PoweredOn, await PowerStateAsync(client, vm));

            await Task.Delay(20);
            TaskInfo reset = await TaskWait.WaitAsync(client, await client.Service.ResetVMTaskAsync(vm));
            Assert.Equal(TaskInfoState.Success, reset.State);
            Assert.Equal(VirtualMachinePowerState.PoweredOn, await PowerStateAsync(client, vm));
            Assert.True((DateTimeOffset)(await Properties.GetAsync(client, vm, "summary.runtime.bootTime"))! > bootTime, "a reset boots the VM again");
        }

        [Fact]
        public async Task Snapshots_are_created_reverted_to_and_removed()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await FindAsync(client, Vm0Path);
            Assert.Null(await Properties.GetAsync(client, vm, "snapshot"));

            var first = Assert.IsType<ManagedObjectReference>(await TaskWait.SucceedsAsync(client, await client.Service.CreateSnapshotTaskAsync(vm, "first", memory: false, quiesce: false, description: "before the change")));
            var second = Assert.IsType<ManagedObjectReference>(await TaskWait.SucceedsAsync(client, await client.Service.CreateSnapshotTaskAsync(vm, "second", memory: false, quiesce: true)));
            Assert.Equal("VirtualMachineSnapshot", first.Type);

            VirtualMachineSnapshotInfo info = await SnapshotAsync(client, vm);
            Assert.Equal(second, info.CurrentSnapshot);
            VirtualMachineSnapshotTree root = Assert.Single(info.RootSnapshotList);
            Assert.Equal(("first", "before the change", first, vm), (root.Name, root.Description, root.Snapshot, root.Vm));
            VirtualMachineSnapshotTree child = Assert.Single(root.ChildSnapshotList);
            Assert.Equal(("second", second, true), (child.Name, child.Snapshot, child.Quiesced));
            Assert.Equal(VirtualMachinePowerState.PoweredOn, child.State);

            await TaskWait.SucceedsAsync(client, await client.Service.RevertToSnapshotTaskAsync(first));
            Assert.Equal(first, (await SnapshotAsync(client, vm)).CurrentSnapshot);

            await TaskWait.SucceedsAsync(client, await client.Service.RemoveSnapshotTaskAsync(second, removeChildren: false));
            info = await SnapshotAsync(client, vm);
            Assert.Empty(Assert.Single(info.RootSnapshotList).ChildSnapshotList);
            var gone = await Assert.ThrowsAsync<VimFaultException>(() => Properties.GetAsync(client, second, "config"));
            Assert.Equal(second, Assert.IsType<ManagedObjectNotFound>(gone.Fault).Obj);

            await TaskWait.SucceedsAsync(client, await client.Service.RemoveSnapshotTaskAsync(first, removeChildren: true, consolidate: true));
            Assert.Null(await Properties.GetAsync(client, vm, "snapshot"));
        }

        [Fact]
        public async Task A_clone_is_a_new_VM_in_the_target_folder()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await FindAsync(client, Vm0Path);
            var folder = (ManagedObjectReference)(await Properties.GetAsync(client, vm, "parent"))!;
            int before = await CountVmsAsync(client);

            var spec = new VirtualMachineCloneSpec { Location = new VirtualMachineRelocateSpec(), PowerOn = false, Template = false };
            var clone = Assert.IsType<ManagedObjectReference>(await TaskWait.SucceedsAsync(client, await client.Service.CloneVMTaskAsync(vm, folder, "DC0_H0_VM0-clone", spec)));

            Assert.Equal("VirtualMachine", clone.Type);
            Assert.NotEqual(vm, clone);
            Assert.Equal(clone, await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, "DC0/vm/DC0_H0_VM0-clone"));
            Assert.Equal(before + 1, await CountVmsAsync(client));
            Assert.Equal(await Properties.GetAsync(client, vm, "config.hardware.numCPU"), await Properties.GetAsync(client, clone, "config.hardware.numCPU"));
            Assert.Equal(VirtualMachinePowerState.PoweredOff, await PowerStateAsync(client, clone));
        }

        [Fact]
        public async Task Reconfigure_changes_CPUs_and_memory()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await FindAsync(client, Vm0Path);
            Assert.NotEqual(4, await Properties.GetAsync(client, vm, "config.hardware.numCPU"));

            var spec = new VirtualMachineConfigSpec { NumCPUs = 4, MemoryMB = 2048, Annotation = "reconfigured by EsxSdk" };
            await TaskWait.SucceedsAsync(client, await client.Service.ReconfigVMTaskAsync(vm, spec));

            var hardware = (VirtualHardware)(await Properties.GetAsync(client, vm, "config.hardware"))!;
            Assert.Equal(4, hardware.NumCPU);
            Assert.Equal(2048, hardware.MemoryMB);
            Assert.Equal("reconfigured by EsxSdk", await Properties.GetAsync(client, vm, "config.annotation"));
            Assert.Equal(4, await Properties.GetAsync(client, vm, "summary.config.numCpu"));
        }

        [Fact]
        public async Task Rename_changes_the_name_and_the_inventory_path()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await FindAsync(client, Vm0Path);

            await TaskWait.SucceedsAsync(client, await client.Service.RenameTaskAsync(vm, "renamed <&> VM"));

            Assert.Equal("renamed <&> VM", await Properties.GetAsync(client, vm, "name"));
            Assert.Equal(vm, await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, "DC0/vm/renamed <&> VM"));
            Assert.Null(await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, Vm0Path));
        }

        [Fact]
        public async Task Destroy_removes_a_powered_off_VM_from_the_inventory()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await FindAsync(client, Vm0Path);
            var folder = (ManagedObjectReference)(await Properties.GetAsync(client, vm, "parent"))!;
            int before = await CountVmsAsync(client);
            await TaskWait.SucceedsAsync(client, await client.Service.PowerOffVMTaskAsync(vm));

            TaskInfo destroyed = await TaskWait.WaitAsync(client, await client.Service.DestroyTaskAsync(vm));

            Assert.Equal(TaskInfoState.Success, destroyed.State);
            Assert.Equal(before - 1, await CountVmsAsync(client));
            Assert.DoesNotContain(vm, (ManagedObjectReference[])(await Properties.GetAsync(client, folder, "childEntity"))!);
            Assert.Null(await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, Vm0Path));
            var ex = await Assert.ThrowsAsync<VimFaultException>(() => Properties.GetAsync(client, vm, "name"));
            Assert.Equal(vm, Assert.IsType<ManagedObjectNotFound>(ex.Fault).Obj);
        }

        [Fact]
        public async Task CreateFolder_adds_nested_folders()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vmFolder = await FindAsync(client, "DC0/vm");

            ManagedObjectReference outer = await client.Service.CreateFolderAsync(vmFolder, "integration");
            ManagedObjectReference inner = await client.Service.CreateFolderAsync(outer, "nested");

            Assert.Equal("Folder", outer.Type);
            Assert.Equal("integration", await Properties.GetAsync(client, outer, "name"));
            Assert.Contains(outer, (ManagedObjectReference[])(await Properties.GetAsync(client, vmFolder, "childEntity"))!);
            Assert.Equal(new[] { inner }, await Properties.GetAsync(client, outer, "childEntity"));
            Assert.Equal(outer, await Properties.GetAsync(client, inner, "parent"));
            Assert.Equal(inner, await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, "DC0/vm/integration/nested"));
        }

        internal static async Task<ManagedObjectReference> FindAsync(VimClient client, string path)
            => await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, path)
               ?? throw new InvalidOperationException("Nothing at inventory path " + path);

        internal static async Task<VirtualMachinePowerState> PowerStateAsync(VimClient client, ManagedObjectReference vm)
            => (VirtualMachinePowerState)(await Properties.GetAsync(client, vm, "runtime.powerState"))!;

        private static async Task<VirtualMachineSnapshotInfo> SnapshotAsync(VimClient client, ManagedObjectReference vm)
            => Assert.IsType<VirtualMachineSnapshotInfo>(await Properties.GetAsync(client, vm, "snapshot"));

        private static async Task<int> CountVmsAsync(VimClient client)
            => (await Properties.ViewNamesAsync(client, client.ServiceContent.RootFolder!, true, ["VirtualMachine"])).Count;
    }
}
