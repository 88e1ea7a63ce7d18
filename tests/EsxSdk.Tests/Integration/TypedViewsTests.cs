using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using EsxSdk.Vim25.Objects;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Tests.Integration
{
    /// <summary>
    /// The generated views and typed paths against vcsim's VPX model: every object of seven managed object types read as
    /// its view with all properties decodes every property (nothing skipped by the reader, no unknown value), and each
    /// typed property equals the raw untyped read; typed paths read nested values and watch them; a view reports what
    /// was not retrieved.
    /// </summary>
    [Collection(VcsimVpxCollection.Name)]
    public sealed class TypedViewsTests
    {
        private readonly VcsimPeer peer;
        private readonly ITestOutputHelper output;

        public TypedViewsTests(VcsimVpxFixture fixture, ITestOutputHelper output)
        {
            this.peer = fixture.Peer;
            this.output = output;
        }

        [Fact]
        public async Task Views_of_every_object_decode_all_properties_equal_to_untyped_reads()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            string cookie = await SoapProbe.LoginAsync(this.peer);
            var failures = new List<string>();
            var counts = new Dictionary<string, (int Objects, int Properties)>();

            counts["VirtualMachine"] = await this.CheckAllAsync<VirtualMachineView>(client, cookie, failures);
            counts["HostSystem"] = await this.CheckAllAsync<HostSystemView>(client, cookie, failures);
            counts["Datastore"] = await this.CheckAllAsync<DatastoreView>(client, cookie, failures);
            counts["Network"] = await this.CheckAllAsync<NetworkView>(client, cookie, failures);
            counts["ClusterComputeResource"] = await this.CheckAllAsync<ClusterComputeResourceView>(client, cookie, failures);
            counts["Folder"] = await this.CheckAllAsync<FolderView>(client, cookie, failures);

            // A task: run one through a wrapper, then find it among the task manager's recent tasks.
            VirtualMachineView vm = await FirstAsync<VirtualMachineView>(client, VirtualMachineView.Paths.Name);
            // vcsim refuses a rename to the same name: a failed task, whose info.error decodes too; nothing changes.
            await Assert.ThrowsAsync<EsxSdk.Tasks.VimTaskFailedException>(() => client.Service.RenameAsync(vm.Reference, vm.Name!));
            TaskManagerView taskManager = await client.GetAsync<TaskManagerView>(client.ServiceContent.TaskManager!, TaskManagerView.Paths.RecentTask);
            Assert.NotEmpty(taskManager.RecentTask);
            var tasks = new List<VimManagedObjectView>();
            foreach (ManagedObjectReference task in taskManager.RecentTask)
            {
                tasks.Add(await client.GetAsync<TaskView>(task));
            }

            counts["Task"] = await this.CheckAsync(typeof(TaskView), TaskView.Paths, tasks, cookie, client, failures);

            foreach (KeyValuePair<string, (int Objects, int Properties)> count in counts)
            {
                this.output.WriteLine(count.Key + ": " + count.Value.Objects + " objects, " + count.Value.Properties + " typed property reads");
            }

            foreach (string failure in failures)
            {
                this.output.WriteLine("FAILURE " + failure);
            }

            Assert.Empty(failures);
            Assert.All(counts.Values, c => Assert.True(c.Objects > 0 && c.Properties > 0));
        }

        [Fact]
        public async Task Typed_paths_read_nested_values_equal_to_untyped_reads()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            ManagedObjectReference vm = (await FirstAsync<VirtualMachineView>(client)).Reference;

            VirtualMachinePowerState? powerState = await client.GetAsync(vm, VirtualMachineView.Paths.Runtime.PowerState);
            string? guestFullName = await client.GetAsync(vm, VirtualMachineView.Paths.Summary.Config.GuestFullName);
            int? memoryMB = await client.GetAsync(vm, VirtualMachineView.Paths.Config.Hardware.MemoryMB);
            ManagedObjectReference? host = await client.GetAsync(vm, VirtualMachineView.Paths.Runtime.Host);
            ManagedObjectReference[]? datastores = await client.GetAsync(vm, VirtualMachineView.Paths.Datastore);

            IReadOnlyDictionary<string, object?> untyped = await client.GetPropertiesAsync(
                vm, "runtime.powerState", "summary.config.guestFullName", "config.hardware.memoryMB", "runtime.host", "datastore");
            Assert.Equal(untyped["runtime.powerState"], powerState);
            Assert.Equal(untyped["summary.config.guestFullName"], guestFullName);
            Assert.Equal(untyped["config.hardware.memoryMB"], memoryMB);
            Assert.Equal(untyped["runtime.host"], host);
            Assert.Equal((ManagedObjectReference[])untyped["datastore"]!, datastores);
            Assert.Equal("runtime.powerState", VirtualMachineView.Paths.Runtime.PowerState.Path);
            Assert.Equal("summary.config.guestFullName", VirtualMachineView.Paths.Summary.Config.GuestFullName.ToString());
        }

        [Fact]
        public async Task A_view_of_chosen_paths_reads_them_and_names_what_was_not_retrieved()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            ManagedObjectReference vm = (await FirstAsync<VirtualMachineView>(client)).Reference;

            VirtualMachineView view = await client.GetAsync<VirtualMachineView>(vm, VirtualMachineView.Paths.Name, VirtualMachineView.Paths.Runtime.PowerState, VirtualMachineView.Paths.Datastore);

            Assert.Equal(vm, view.Reference);
            Assert.False(view.Retrieved.All);
            Assert.NotNull(view.Name);
            Assert.NotEmpty(view.Datastore);
            Assert.Equal(await client.GetAsync(vm, VirtualMachineView.Paths.Runtime.PowerState), view.Get(VirtualMachineView.Paths.Runtime.PowerState));
            InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => view.Runtime);
            Assert.Contains("'runtime' of " + vm + " was not retrieved", error.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => view.Get(VirtualMachineView.Paths.Runtime.Host));
        }

        [Fact]
        public async Task A_view_reads_objects_of_its_type_and_derived_types_and_refuses_others()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            ManagedObjectReference vm = (await FirstAsync<VirtualMachineView>(client)).Reference;
            ManagedObjectReference cluster = (await FirstAsync<ClusterComputeResourceView>(client)).Reference;

            Assert.Equal(vm, (await client.GetAsync<ManagedEntityView>(vm, ManagedEntityView.Paths.Name)).Reference);
            Assert.Equal(cluster, (await client.GetAsync<ComputeResourceView>(cluster, ComputeResourceView.Paths.Name)).Reference);
            ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync<HostSystemView>(vm));
            Assert.Contains(vm.Value + "' is a VirtualMachine, not a HostSystem", error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync<ClusterComputeResourceView>(vm, ClusterComputeResourceView.Paths.Name));
        }

        [Fact]
        public async Task ListAsync_pages_through_every_vm_with_chosen_paths()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            var names = new List<string>();
            await foreach (VirtualMachineView vm in client.ListAsync<VirtualMachineView>([VirtualMachineView.Paths.Name, VirtualMachineView.Paths.Runtime.PowerState], pageSize: 1))
            {
                names.Add(vm.Name!);
                Assert.NotNull(vm.Get(VirtualMachineView.Paths.Runtime.PowerState));
            }

            var untyped = new List<string>();
            await foreach (ObjectContent content in client.ListAsync("VirtualMachine", ["name"]))
            {
                untyped.Add((string)content.PropSet[0].Val!);
            }

            Assert.True(names.Count > 1);
            Assert.Equal(untyped.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        }

        [Fact]
        public async Task A_typed_path_is_watched_on_the_shared_update_loop()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            ManagedObjectReference vm = (await FirstAsync<VirtualMachineView>(client)).Reference;
            var first = new TaskCompletionSource<VirtualMachinePowerState?>(TaskCreationOptions.RunContinuationsAsynchronously);

            await using (await client.Updates.WatchAsync(vm, VirtualMachineView.Paths.Runtime.PowerState, value => first.TrySetResult(value)))
            {
                VirtualMachinePowerState? seen = await first.Task.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(await client.GetAsync(vm, VirtualMachineView.Paths.Runtime.PowerState), seen);
            }
        }

        private static async Task<TView> FirstAsync<TView>(VimClient client, params VimPropertyPath[] paths)
            where TView : VimManagedObjectView, IVimManagedObjectView<TView>
        {
            await foreach (TView view in client.ListAsync<TView>(paths))
            {
                return view;
            }

            throw new InvalidOperationException("vcsim has no " + typeof(TView).Name);
        }

        private async Task<(int, int)> CheckAllAsync<TView>(VimClient client, string cookie, List<string> failures)
            where TView : VimManagedObjectView, IVimManagedObjectView<TView>
        {
            var views = new List<VimManagedObjectView>();
            await foreach (TView view in client.ListAsync<TView>())
            {
                views.Add(view);
            }

            object paths = typeof(TView).GetProperty("Paths", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)!.GetValue(null)!;
            return await this.CheckAsync(typeof(TView), paths, views, cookie, client, failures);
        }

        /// <summary>Each view against a raw all-properties read (VimXmlReader over the SOAP text): same values, nothing skipped.</summary>
        private async Task<(int, int)> CheckAsync(Type viewType, object paths, List<VimManagedObjectView> views, string cookie, VimClient client, List<string> failures)
        {
            PropertyInfo[] properties = viewType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.DeclaringType != typeof(VimManagedObjectView))
                .ToArray();
            int reads = 0;
            foreach (VimManagedObjectView view in views)
            {
                (RawRetrieve? raw, SoapProbeResponse response) = await RawRetrieve.AllPropertiesAsync(this.peer, cookie, client.ServiceContent.PropertyCollector!.Value, view.Reference);
                if (raw?.Result is null)
                {
                    failures.Add(view.Reference + ": the raw read failed: " + (int)response.StatusCode);
                    continue;
                }

                if (raw.SkippedElementCount != 0)
                {
                    failures.Add(view.Reference + ": " + raw.SkippedElementCount + " elements skipped: " + string.Join(", ", raw.SkippedElements));
                }

                // vcsim sends some properties twice (a VM's name): the last one counts, in the view as here.
                var untyped = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DynamicProperty property in raw.Result.Objects.SelectMany(o => o.PropSet))
                {
                    untyped[property.Name!] = property.Val;
                }

                foreach (string returned in view.Retrieved.ReturnedPaths.Where(p => !untyped.ContainsKey(p)))
                {
                    failures.Add(view.Reference + "." + returned + " came back typed but not untyped");
                }

                foreach (PropertyInfo property in properties)
                {
                    string path = ((VimPropertyPath)paths.GetType().GetProperty(property.Name)!.GetValue(paths)!).Path;
                    object? typed;
                    try
                    {
                        typed = property.GetValue(view);
                        reads++;
                    }
                    catch (TargetInvocationException ex)
                    {
                        failures.Add(view.Reference + "." + path + " does not read: " + ex.InnerException?.Message);
                        continue;
                    }

                    object? expected = untyped.GetValueOrDefault(path);
                    if (expected is null && typed is Array { Length: 0 })
                    {
                        continue;
                    }

                    if (typed is not null && expected is not null && typed.GetType() != expected.GetType() && expected is not Array)
                    {
                        failures.Add(view.Reference + "." + path + ": typed " + typed.GetType().Name + ", untyped " + expected.GetType().Name);
                    }
                    else if (ObjectGraph.FirstDifference(expected, typed) is { } difference)
                    {
                        failures.Add(view.Reference + "." + path + " differs from the untyped read: " + difference);
                    }
                }
            }

            return (views.Count, reads);
        }
    }
}
