using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Tests.Integration
{
    /// <summary>Listing the inventory with a container view, checked against a walk of the folders and the model's known shape.</summary>
    [Collection(VcsimVpxCollection.Name)]
    public sealed class InventoryTests
    {
        // The four kinds the test lists; Network includes its subtypes (DistributedVirtualPortgroup, OpaqueNetwork).
        private static readonly string[] Kinds = ["VirtualMachine", "HostSystem", "Datastore", "Network"];

        private readonly VcsimPeer peer;
        private readonly ITestOutputHelper output;

        public InventoryTests(VcsimVpxFixture fixture, ITestOutputHelper output)
        {
            this.peer = fixture.Peer;
            this.output = output;
        }

        [Fact]
        public async Task A_container_view_lists_the_same_VMs_hosts_datastores_and_networks_as_a_folder_walk()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);

            Dictionary<string, IReadOnlyDictionary<ManagedObjectReference, string>> viewed = await ListByKindAsync(client);
            IReadOnlyList<InventoryItem> walked = await InventoryWalk.WalkAsync(client);

            foreach (string kind in Kinds)
            {
                InventoryItem[] found = walked.Where(i => KindOf(i.Obj.Type) == kind).ToArray();
                Assert.Equal(viewed[kind].OrderBy(p => p.Key.ToString()), found.ToDictionary(i => i.Obj, i => i.Name).OrderBy(p => p.Key.ToString()));
                this.output.WriteLine(kind + ": " + found.Length + " (" + string.Join(", ", found.Select(i => i.Path)) + ")");
            }

            // vcsim's VPX model (govmomi 0.24.2 simulator.VPX()): a cluster of 3 hosts and 1 standalone host,
            // 2 VMs in each of their 2 root resource pools, 1 datastore, "VM Network" plus a DV portgroup and the DVS uplink portgroup.
            Assert.Equal(4, viewed["VirtualMachine"].Count);
            Assert.Equal(4, viewed["HostSystem"].Count);
            Assert.Single(viewed["Datastore"]);
            Assert.Equal(3, viewed["Network"].Count);
            Assert.Contains("VM Network", viewed["Network"].Values);
        }

        [Fact]
        public async Task Every_listed_entity_is_found_again_by_FindByInventoryPath()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            IReadOnlyList<InventoryItem> walked = await InventoryWalk.WalkAsync(client);
            InventoryItem[] listed = walked.Where(i => KindOf(i.Obj.Type) is not null).ToArray();
            Assert.NotEmpty(listed);

            foreach (InventoryItem item in listed)
            {
                ManagedObjectReference? found = await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, item.Path);
                Assert.True(found == item.Obj, item.Path + ": expected " + item.Obj + ", found " + (found?.ToString() ?? "nothing"));
            }

            Assert.Null(await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, "DC0/vm/no-such-vm"));
            this.output.WriteLine(listed.Length + " entities found by their inventory path");
        }

        [Fact]
        public async Task The_peer_options_for_VMs_and_hosts_change_what_the_view_lists()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync(new VcsimPeerOptions { Vms = 3, Hosts = 2 });

            Dictionary<string, IReadOnlyDictionary<ManagedObjectReference, string>> viewed = await ListByKindAsync(vcsim.Client);
            IReadOnlyDictionary<ManagedObjectReference, string> computeResources = await Properties.ViewNamesAsync(vcsim.Client, vcsim.Client.ServiceContent.RootFolder!, true, ["ComputeResource"]);

            // One standalone host and one cluster, each with a root pool holding 3 VMs; the cluster has 2 hosts.
            Assert.Equal(2, computeResources.Count);
            Assert.Equal(3 * computeResources.Count, viewed["VirtualMachine"].Count);
            Assert.Equal(2 + 1, viewed["HostSystem"].Count);
        }

        private static async Task<Dictionary<string, IReadOnlyDictionary<ManagedObjectReference, string>>> ListByKindAsync(VimClient client)
        {
            var result = new Dictionary<string, IReadOnlyDictionary<ManagedObjectReference, string>>(StringComparer.Ordinal);
            foreach (string kind in Kinds)
            {
                result[kind] = await Properties.ViewNamesAsync(client, client.ServiceContent.RootFolder!, true, [kind]);
            }

            return result;
        }

        private static string? KindOf(string type) => type switch
        {
            "VirtualMachine" or "HostSystem" or "Datastore" => type,
            "Network" or "DistributedVirtualPortgroup" or "OpaqueNetwork" => "Network",
            _ => null,
        };
    }
}
