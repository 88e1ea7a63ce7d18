using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Properties
{
    [Collection(VcsimVpxCollection.Name)]
    public sealed class PropertyCollectorTests
    {
        private readonly VcsimPeer peer;

        public PropertyCollectorTests(VcsimVpxFixture fixture) => this.peer = fixture.Peer;

        [Fact]
        public async Task Listing_through_a_container_view_with_a_page_size_gives_the_same_objects_and_destroys_the_view()
        {
            // vcsim ignores RetrieveOptions.maxObjects (it never pages): PagingTests cover the paging loop itself.
            await using VimClient client = await this.ConnectAsync();
            List<string> onePage = await Names(client.ListAsync("VirtualMachine", ["name"]));

            using var recorder = new ActivityRecorder(this.peer.Url);
            List<string> paged = await Names(client.ListAsync("VirtualMachine", ["name"], pageSize: 1));

            Assert.True(onePage.Count >= 2, "the VPX model has several VMs");
            Assert.Equal(onePage.Order(), paged.Order());
            Assert.Equal(1, recorder.Count("CreateContainerView"));
            Assert.Equal(1, recorder.Count("DestroyView"));
        }

        [Fact]
        public async Task A_VM_is_found_by_name_inventory_path_and_uuid_alike()
        {
            await using VimClient client = await this.ConnectAsync();
            const string name = "DC0_H0_VM0";

            ManagedObjectReference? byName = await client.FindVirtualMachineByNameAsync(name);
            ManagedObjectReference? byPath = await client.FindByInventoryPathAsync("DC0/vm/" + name);
            IReadOnlyDictionary<string, object?> config = await client.GetPropertiesAsync(byName!, "config.uuid", "config.instanceUuid");
            ManagedObjectReference? byUuid = await client.FindVirtualMachineByUuidAsync((string)config["config.uuid"]!);
            ManagedObjectReference? byInstanceUuid = await client.FindVirtualMachineByUuidAsync((string)config["config.instanceUuid"]!, instanceUuid: true);

            Assert.NotNull(byName);
            Assert.Equal("VirtualMachine", byName.Type);
            Assert.Equal(byName, byPath);
            Assert.Equal(byName, byUuid);
            Assert.Equal(byName, byInstanceUuid);
            Assert.Null(await client.FindVirtualMachineByNameAsync("no-such-vm"));
            Assert.Null(await client.FindByInventoryPathAsync("DC0/vm/no-such-vm"));
        }

        [Fact]
        public async Task The_update_loop_reports_current_values_then_changes_over_one_long_poll()
        {
            await using VcsimPeer own = await VcsimPeer.StartAsync(new VcsimPeerOptions { Model = VcsimModel.Vpx });
            await using VimClient client = await VimClient.ConnectAsync(own.Url.ToString(), new NetworkCredential(own.User, own.Password));
            List<ManagedObjectReference> vms = await Objects(client.ListAsync("VirtualMachine", ["name"]));
            using var recorder = new ActivityRecorder(own.Url);
            var states = new System.Collections.Concurrent.ConcurrentDictionary<ManagedObjectReference, string>();
            var poweredOff = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var watches = new List<IAsyncDisposable>();
            foreach (ManagedObjectReference vm in vms)
            {
                var spec = new PropertyFilterSpec
                {
                    PropSet = [new PropertySpec { Type = "VirtualMachine", PathSet = ["runtime.powerState"] }],
                    ObjectSet = [new ObjectSpec { Obj = vm }],
                };
                watches.Add(await client.Updates.WatchAsync(spec, update =>
                {
                    foreach (PropertyChange change in update.ChangeSet)
                    {
                        string state = change.Val is VirtualMachinePowerState s ? s.Value : "?";
                        states[update.Obj!] = state;
                        if (update.Obj == vms[0] && state == "poweredOff")
                        {
                            poweredOff.TrySetResult();
                        }
                    }
                }));
            }

            await WaitUntil(() => states.Count == vms.Count);
            Assert.All(states.Values, s => Assert.Equal("poweredOn", s));

            await client.Service.PowerOffVMTaskAsync(vms[0]);
            await poweredOff.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, recorder.PeakConcurrency("WaitForUpdatesEx"));
            foreach (IAsyncDisposable watch in watches)
            {
                await watch.DisposeAsync();
            }
        }

        private Task<VimClient> ConnectAsync() => VimClient.ConnectAsync(this.peer.Url.ToString(), new NetworkCredential(this.peer.User, this.peer.Password));

        private static async Task<List<string>> Names(IAsyncEnumerable<ObjectContent> contents)
        {
            var names = new List<string>();
            await foreach (ObjectContent content in contents)
            {
                names.Add((string)content.PropSet.Single(p => p.Name == "name").Val!);
            }

            return names;
        }

        private static async Task<List<ManagedObjectReference>> Objects(IAsyncEnumerable<ObjectContent> contents)
        {
            var objects = new List<ManagedObjectReference>();
            await foreach (ObjectContent content in contents)
            {
                objects.Add(content.Obj!);
            }

            return objects;
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
                await Task.Delay(50);
            }
        }
    }
}
