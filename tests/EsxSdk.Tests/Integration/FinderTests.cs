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
    /// <summary>
    /// The finder against vcsim's VPX inventory (govmomi 0.24.2 simulator.VPX()): /DC0 with vm/DC0_H0_VM0..1 and DC0_C0_RP0_VM0..1,
    /// host/DC0_H0 (a standalone compute resource holding host DC0_H0 and pool Resources) and host/DC0_C0 (a cluster of
    /// DC0_C0_H0..2 and pool Resources), datastore/LocalDS_0, network/VM Network and a distributed switch with its portgroups.
    /// </summary>
    [Collection(VcsimVpxCollection.Name)]
    public sealed class FinderTests
    {
        private readonly VcsimPeer peer;
        private readonly ITestOutputHelper output;

        public FinderTests(VcsimVpxFixture fixture, ITestOutputHelper output)
        {
            this.peer = fixture.Peer;
            this.output = output;
        }

        [Fact]
        public async Task Wildcards_match_each_path_element_like_path_Match()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            var finder = new VimFinder(client);

            IReadOnlyList<VimInventoryItem> all = await finder.FindAllAsync("/DC0/vm/*");
            this.output.WriteLine(string.Join(Environment.NewLine, all));
            Assert.Equal(4, all.Count);
            Assert.All(all, vm => Assert.Equal("VirtualMachine", vm.Type));
            Assert.All(all, vm => Assert.Equal("/DC0/vm/" + vm.Name, vm.Path));

            Assert.Equal(["DC0_H0_VM0", "DC0_H0_VM1"], Names(await finder.FindAllAsync("/DC0/vm/DC0_H0_VM*")));
            Assert.Equal(["DC0_C0_RP0_VM1", "DC0_H0_VM1"], Names(await finder.FindAllAsync("/DC0/vm/DC0_??*_VM[1-9]")));
            Assert.Equal(["DC0_C0_RP0_VM0", "DC0_H0_VM0"], Names(await finder.FindAllAsync("/DC0/vm/*[^1]")));
            Assert.Equal(["DC0_H0_VM0"], Names(await finder.FindAllAsync("/D?0/v*/DC0_H0_VM0")));
            Assert.Equal(["LocalDS_0"], Names(await finder.FindAllAsync("/*/datastore/*")));
        }

        [Fact]
        public async Task Host_paths_reach_hosts_and_pools_below_compute_resources()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            var finder = new VimFinder(client);

            // Without a datacenter set, a relative path starts at the root folder (as SearchIndex.FindByInventoryPath reads it).
            IReadOnlyList<VimInventoryItem> below = await finder.FindAllAsync("DC0/host/*/*");
            this.output.WriteLine(string.Join(Environment.NewLine, below));
            Assert.Equal(["DC0_C0_H0", "DC0_C0_H1", "DC0_C0_H2", "DC0_H0", "Resources", "Resources"], Names(below));
            Assert.Equal(4, below.Count(i => i.Type == "HostSystem"));
            Assert.Equal(2, below.Count(i => i.Type == "ResourcePool"));
            Assert.Contains(below, i => i.Path == "/DC0/host/DC0_C0/DC0_C0_H1");

            IReadOnlyList<VimInventoryItem> hosts = await finder.FindAllAsync("/DC0/host/*/*", "HostSystem");
            Assert.Equal(below.Where(i => i.Type == "HostSystem").Select(i => i.Reference), hosts.Select(i => i.Reference));

            Assert.Equal("ClusterComputeResource", (await finder.FindAsync("/DC0/host/DC0_C0", "ComputeResource")).Type);
            IReadOnlyList<VimInventoryItem> poolVms = await finder.FindAllAsync("/DC0/host/DC0_C0/Resources/*", "VirtualMachine");
            Assert.Equal(["DC0_C0_RP0_VM0", "DC0_C0_RP0_VM1"], Names(poolVms));
            Assert.All(poolVms, vm => Assert.StartsWith("/DC0/host/DC0_C0/Resources/", vm.Path));
        }

        [Fact]
        public async Task Relative_paths_start_at_the_datacenter_and_dot_dot_goes_up()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            var finder = new VimFinder(client);

            VimInventoryItem dc = await finder.UseDatacenterAsync();
            Assert.Equal("/DC0", dc.Path);
            Assert.Same(dc, finder.Datacenter);
            Assert.Equal(Refs(await finder.FindAllAsync("/DC0/vm/*")), Refs(await finder.FindAllAsync("vm/*")));
            Assert.Equal(Refs(await finder.FindAllAsync("/DC0/host/*/*")), Refs(await finder.FindAllAsync("./host/*/*")));
            Assert.Equal("/DC0/vm/DC0_H0_VM1", (await finder.FindAsync("vm/DC0_H0_VM1")).Path);

            VimInventoryItem cluster = await finder.FindAsync("vm/../host/DC0_C0");
            Assert.Equal("/DC0/host/DC0_C0", cluster.Path);
            Assert.Equal(cluster.Reference, (await finder.FindAsync("/DC0/host/DC0_C0/DC0_C0_H0/..")).Reference);
            Assert.Equal(cluster.Reference, (await finder.FindAsync("/DC0/host/*/DC0_C0_H*/..")).Reference);
            Assert.Equal("/DC0/datastore/LocalDS_0", (await finder.FindAsync("../DC0/datastore/*")).Path);
            Assert.Equal(client.ServiceContent.RootFolder, (await finder.FindAsync("..")).Reference);
            Assert.Equal(client.ServiceContent.RootFolder, (await finder.FindAsync("/../..")).Reference);
            Assert.Equal(dc.Reference, (await finder.FindAsync(".")).Reference);

            Assert.Equal(dc.Reference, (await new VimFinder(client).UseDatacenterAsync("/DC*")).Reference);
            Assert.Throws<ArgumentException>(() => finder.Datacenter = cluster);
        }

        [Fact]
        public async Task No_match_names_the_path_and_where_it_stopped_matching()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            var finder = new VimFinder(client);

            Assert.Empty(await finder.FindAllAsync("/DC0/vm/no-such-vm*"));
            VimNotFoundException missing = await Assert.ThrowsAsync<VimNotFoundException>(() => finder.FindAsync("/DC0/vm/no-such-vm"));
            this.output.WriteLine(missing.Message);
            Assert.Equal("/DC0/vm/no-such-vm", missing.Query);
            Assert.Contains("'/DC0/vm/no-such-vm'", missing.Message);
            Assert.Contains("nothing in /DC0/vm matches 'no-such-vm'", missing.Message);

            VimNotFoundException deeper = await Assert.ThrowsAsync<VimNotFoundException>(() => finder.FindAsync("/DC0/host/*/nope/x"));
            this.output.WriteLine(deeper.Message);
            Assert.Contains("nothing in /DC0/host/DC0_", deeper.Message);
            Assert.Contains("/DC0/host/DC0_H0", deeper.Message);
            Assert.Contains("/DC0/host/DC0_C0", deeper.Message);
            Assert.Contains("matches 'nope'", deeper.Message);

            VimNotFoundException wrongType = await Assert.ThrowsAsync<VimNotFoundException>(() => finder.FindAsync("/DC0/vm/*", "HostSystem"));
            this.output.WriteLine(wrongType.Message);
            Assert.Equal("HostSystem", wrongType.Type);
            Assert.Contains("matches 4 object(s), none of them a HostSystem", wrongType.Message);

            await finder.UseDatacenterAsync();
            VimNotFoundException relative = await Assert.ThrowsAsync<VimNotFoundException>(() => finder.FindAsync("vm/nope"));
            Assert.Contains("(relative to /DC0)", relative.Message);

            Assert.Empty(await finder.ListAsync("/DC0/vm/DC0_H0_VM0"));
            Assert.Null(await client.FindByNameAsync("Datastore", "no-such-datastore"));
            await Assert.ThrowsAsync<VimNotFoundException>(() => finder.FindByNameAsync("Datastore", "no-such-datastore"));

            ArgumentException malformed = await Assert.ThrowsAsync<ArgumentException>(() => finder.FindAllAsync("/DC0/vm/web[0-"));
            Assert.Contains("'/DC0/vm/web[0-'", malformed.Message);
            Assert.Contains("'web[0-'", malformed.Message);
            await Assert.ThrowsAsync<ArgumentException>(() => finder.FindAllAsync(" "));
        }

        [Fact]
        public async Task An_ambiguous_match_lists_every_candidate_with_its_path()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            var finder = new VimFinder(client);

            VimAmbiguousException byPath = await Assert.ThrowsAsync<VimAmbiguousException>(() => finder.FindAsync("/DC0/vm/DC0_H0_VM*"));
            this.output.WriteLine(byPath.Message);
            Assert.Equal("/DC0/vm/DC0_H0_VM*", byPath.Query);
            Assert.Equal(["DC0_H0_VM0", "DC0_H0_VM1"], Names(byPath.Matches));
            Assert.Contains("/DC0/vm/DC0_H0_VM0 (VirtualMachine ", byPath.Message);
            Assert.Contains("/DC0/vm/DC0_H0_VM1 (VirtualMachine ", byPath.Message);

            // Both compute resources have a root pool named Resources.
            VimAmbiguousException byName = await Assert.ThrowsAsync<VimAmbiguousException>(() => finder.FindByNameAsync("ResourcePool", "Resources"));
            this.output.WriteLine(byName.Message);
            Assert.Equal(["/DC0/host/DC0_C0/Resources", "/DC0/host/DC0_H0/Resources"], byName.Matches.Select(m => m.Path).Order());
            VimAmbiguousException fromClient = await Assert.ThrowsAsync<VimAmbiguousException>(() => client.FindByNameAsync("ResourcePool", "Resources"));
            Assert.Equal(2, fromClient.Matches.Count);

            // The standalone host and its compute resource share the name DC0_H0: any entity type is ambiguous, each type is not.
            await Assert.ThrowsAsync<VimAmbiguousException>(() => finder.FindByNameAsync("ManagedEntity", "DC0_H0"));
            Assert.Equal("/DC0/host/DC0_H0/DC0_H0", (await finder.FindByNameAsync("HostSystem", "DC0_H0")).Path);
            Assert.Equal("/DC0/host/DC0_H0", (await finder.FindByNameAsync("ComputeResource", "DC0_H0")).Path);
        }

        [Fact]
        public async Task Find_by_name_works_for_every_inventory_type_with_and_without_container_views()
        {
            (string Type, string Name, string Path)[] cases =
            [
                ("VirtualMachine", "DC0_C0_RP0_VM1", "/DC0/vm/DC0_C0_RP0_VM1"),
                ("HostSystem", "DC0_C0_H1", "/DC0/host/DC0_C0/DC0_C0_H1"),
                ("Datastore", "LocalDS_0", "/DC0/datastore/LocalDS_0"),
                ("Network", "VM Network", "/DC0/network/VM Network"),
                ("ClusterComputeResource", "DC0_C0", "/DC0/host/DC0_C0"),
                ("Folder", "vm", "/DC0/vm"),
                ("Datacenter", "DC0", "/DC0"),
            ];
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            using var recorder = new ActivityRecorder(this.peer.Url);
            var withViews = new VimFinder(client);
            var withoutViews = new VimFinder(client) { UseContainerViews = false };
            foreach ((string type, string name, string path) in cases)
            {
                VimInventoryItem viewed = await withViews.FindByNameAsync(type, name);
                VimInventoryItem traversed = await withoutViews.FindByNameAsync(type, name);
                VimInventoryItem byPath = await withViews.FindAsync(path);
                this.output.WriteLine(type + " " + name + ": " + viewed);
                Assert.Equal(path, viewed.Path);
                Assert.Equal(byPath.Reference, viewed.Reference);
                Assert.Equal(byPath.Reference, traversed.Reference);
                Assert.Equal(path, traversed.Path);
                Assert.Equal(byPath.Reference, await client.FindByNameAsync(type, name));
                Assert.Equal(byPath.Reference, await client.FindByInventoryPathAsync(path.TrimStart('/')));
            }

            Assert.Equal(cases.Length * 2, recorder.Count("CreateContainerView"));
            Assert.Equal((await withViews.FindAsync("/DC0/vm/DC0_H0_VM0")).Reference, await client.FindVirtualMachineByNameAsync("DC0_H0_VM0"));

            // Below a datacenter: the same objects.
            await withoutViews.UseDatacenterAsync();
            Assert.Equal("/DC0/host/DC0_C0", (await withoutViews.FindByNameAsync("ComputeResource", "DC0_C0")).Path);
        }

        [Fact]
        public async Task Each_path_level_is_one_retrieval_and_ListAsync_lists_children()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);
            var finder = new VimFinder(client);
            await finder.FindAllAsync("/");   // reads the root folder once

            using (var recorder = new ActivityRecorder(this.peer.Url))
            {
                Assert.Equal(6, (await finder.FindAllAsync("/DC0/host/*/*")).Count);
                Assert.Equal(4, recorder.Count("RetrievePropertiesEx"));
                Assert.Equal(4, recorder.CountAllExcept());
            }

            Assert.Equal(Refs(await finder.FindAllAsync("/DC0/vm/*")), Refs(await finder.ListAsync("/DC0/vm")));
            Assert.Equal(["datastore", "host", "network", "vm"], Names(await finder.ListAsync("/DC0", "Folder")));
            Assert.Equal(4, (await finder.ListAsync("/DC0/host/*", "HostSystem")).Count);
        }

        private static string[] Names(IEnumerable<VimInventoryItem> items) => items.Select(i => i.Name).Order(StringComparer.Ordinal).ToArray();

        private static ManagedObjectReference[] Refs(IEnumerable<VimInventoryItem> items) => items.Select(i => i.Reference).ToArray();
    }
}
