using System;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Integration
{
    /// <summary>Faults vcsim raises, as typed <see cref="MethodFault"/> subclasses: SOAP faults of calls and errors of tasks.</summary>
    public sealed class FaultTests
    {
        private const string Vm0Path = "DC0/vm/DC0_H0_VM0";

        [Fact]
        public async Task A_call_on_a_VM_that_does_not_exist_fails_with_ManagedObjectNotFound_naming_it()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            var missing = new ManagedObjectReference("VirtualMachine", "vm-99999");

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => vcsim.Client.Service.PowerOnVMTaskAsync(missing));

            var fault = Assert.IsType<ManagedObjectNotFound>(ex.Fault);
            Assert.Equal(missing, fault.Obj);
            Assert.Equal("ManagedObjectNotFound", ex.FaultTypeName);
            Assert.Equal("ServerFaultCode", ex.FaultCode);
            Assert.Contains("PowerOnVM", ex.Operation, StringComparison.Ordinal);
            Assert.Contains("ManagedObjectNotFound", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Reading_a_property_of_a_VM_that_does_not_exist_fails_with_ManagedObjectNotFound()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            var missing = new ManagedObjectReference("VirtualMachine", "vm-99999");

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => Properties.GetAsync(vcsim.Client, missing, "name"));

            Assert.Equal(missing, Assert.IsType<ManagedObjectNotFound>(ex.Fault).Obj);
            Assert.Equal("RetrievePropertiesEx", ex.Operation);
        }

        [Fact]
        public async Task Powering_on_a_powered_on_VM_is_a_task_error_with_InvalidPowerState()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await VmOperationsTests.FindAsync(client, Vm0Path);
            Assert.Equal(VirtualMachinePowerState.PoweredOn, await VmOperationsTests.PowerStateAsync(client, vm));

            ManagedObjectReference task = await client.Service.PowerOnVMTaskAsync(vm);
            LocalizedMethodFault error = await TaskWait.FailsAsync(client, task);

            var fault = Assert.IsType<InvalidPowerState>(error.Fault);
            Assert.Equal(VirtualMachinePowerState.PoweredOn, fault.RequestedState);
            Assert.Equal(VirtualMachinePowerState.PoweredOn, fault.ExistingState);
            Assert.False(string.IsNullOrEmpty(error.LocalizedMessage));
            TaskInfo info = await TaskWait.WaitAsync(client, task);
            Assert.Equal((TaskInfoState.Error, vm, "VirtualMachine.powerOn"), (info.State, info.Entity, info.DescriptionId));
            Assert.NotNull(info.CompleteTime);
        }

        [Fact]
        public async Task Marking_a_powered_on_VM_as_a_template_is_an_InvalidPowerState_fault_of_the_call()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await VmOperationsTests.FindAsync(client, Vm0Path);

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => client.Service.MarkAsTemplateAsync(vm));

            var fault = Assert.IsType<InvalidPowerState>(ex.Fault);
            Assert.Equal(VirtualMachinePowerState.PoweredOff, fault.RequestedState);
            Assert.Equal(VirtualMachinePowerState.PoweredOn, fault.ExistingState);
        }

        [Fact]
        public async Task Powering_on_a_template_is_an_InvalidState_fault_of_the_call()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await VmOperationsTests.FindAsync(client, Vm0Path);
            await TaskWait.SucceedsAsync(client, await client.Service.PowerOffVMTaskAsync(vm));
            await client.Service.MarkAsTemplateAsync(vm);
            Assert.Equal(true, await Properties.GetAsync(client, vm, "config.template"));

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => client.Service.PowerOnVMTaskAsync(vm));

            // Exactly InvalidState, not one of its subclasses.
            Assert.Equal(typeof(InvalidState), ex.Fault?.GetType());
        }

        [Fact]
        public async Task Destroying_a_powered_on_VM_is_a_task_error_with_InvalidPowerState_and_keeps_the_VM()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await VmOperationsTests.FindAsync(client, Vm0Path);

            LocalizedMethodFault error = await TaskWait.FailsAsync(client, await client.Service.DestroyTaskAsync(vm));

            var fault = Assert.IsType<InvalidPowerState>(error.Fault);
            Assert.Equal(VirtualMachinePowerState.PoweredOff, fault.RequestedState);
            Assert.Equal("DC0_H0_VM0", await Properties.GetAsync(client, vm, "name"));
        }

        [Fact]
        public async Task Renaming_a_VM_to_a_sibling_name_is_a_task_error_with_InvalidArgument()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await VmOperationsTests.FindAsync(client, Vm0Path);

            LocalizedMethodFault error = await TaskWait.FailsAsync(client, await client.Service.RenameTaskAsync(vm, "DC0_H0_VM1"));

            Assert.Equal("name", Assert.IsType<InvalidArgument>(error.Fault).InvalidProperty);
            Assert.Equal("DC0_H0_VM0", await Properties.GetAsync(client, vm, "name"));
        }

        [Fact]
        public async Task Reconfiguring_an_unknown_guest_id_is_a_task_error_with_InvalidArgument()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vm = await VmOperationsTests.FindAsync(client, Vm0Path);

            LocalizedMethodFault error = await TaskWait.FailsAsync(client, await client.Service.ReconfigVMTaskAsync(vm, new VirtualMachineConfigSpec { GuestId = "noSuchGuestOs" }));

            Assert.Equal("configSpec.guestId", Assert.IsType<InvalidArgument>(error.Fault).InvalidProperty);
        }

        [Fact]
        public async Task Creating_a_folder_with_a_taken_name_is_a_DuplicateName_fault()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync();
            VimClient client = vcsim.Client;
            ManagedObjectReference vmFolder = await VmOperationsTests.FindAsync(client, "DC0/vm");
            await client.Service.CreateFolderAsync(vmFolder, "taken");

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => client.Service.CreateFolderAsync(vmFolder, "taken"));

            var fault = Assert.IsType<DuplicateName>(ex.Fault);
            Assert.Equal(("taken", vmFolder), (fault.Name, fault.Object));
        }
    }
}
