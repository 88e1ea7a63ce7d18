using System;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Vim25;
using EsxSdk.Vim25.Objects;

namespace EsxSdk.Tests.Docs
{
    /// <summary>
    /// The README's everyday jobs, compiled: each region is a job's code block in README.md and docs/everyday-jobs.md
    /// (kept equal by <see cref="EverydayJobsReadmeTests"/>, run against vcsim by <see cref="EverydayJobsTests"/>). A region
    /// starts with a comment naming the job, which is also how the docs and the line-count table name it.
    /// </summary>
    internal static class EverydayJobs
    {
        public static async Task ListVirtualMachinesAsync(VimClient client)
        {
            #region list
            // List the VMs with name, power state, guest OS and host
            await foreach (VirtualMachineView vm in client.ListAsync<VirtualMachineView>([VirtualMachineView.Paths.Summary]))
                Console.WriteLine($"{vm.Summary!.Config!.Name} {vm.Summary.Runtime!.PowerState} {vm.Summary.Config.GuestFullName} "
                    + await client.GetAsync(vm.Summary.Runtime.Host!, HostSystemView.Paths.Name));
            #endregion
        }

        public static async Task<ManagedObjectReference?> FindVirtualMachineAsync(VimClient client)
        {
            #region find
            // Find a VM by name
            ManagedObjectReference? vm = await client.FindVirtualMachineByNameAsync("DC0_H0_VM0");
            #endregion
            return vm;
        }

        public static async Task PowerCycleAsync(VimClient client, ManagedObjectReference vm)
        {
            #region power-cycle
            // Power-cycle it: off, then on again
            await client.Service.PowerOffVMAsync(vm);
            await client.Service.PowerOnVMAsync(vm);
            #endregion
        }

        public static async Task SnapshotAsync(VimClient client, ManagedObjectReference vm)
        {
            #region snapshot
            // Take a snapshot
            await client.Service.CreateSnapshotAsync(vm, "before-upgrade", memory: false, quiesce: false);
            #endregion
        }

        public static async Task CloneAsync(VimClient client, ManagedObjectReference vm)
        {
            #region clone
            // Clone it into the same folder
            ManagedObjectReference? folder = await client.GetAsync(vm, VirtualMachineView.Paths.Parent);
            await client.Service.CloneVMAsync(vm, folder!, "DC0_H0_VM0-clone", new VirtualMachineCloneSpec { Location = new() });
            #endregion
        }

        public static async Task ReconfigureAsync(VimClient client, ManagedObjectReference vm)
        {
            #region reconfigure
            // Give it 2 CPUs and 2 GB of memory
            await client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec { NumCPUs = 2, MemoryMB = 2048 });
            #endregion
        }
    }
}
