using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Tests.Integration
{
    /// <summary>The finder and the listing helpers on servers without container views: the same answers, by traversal specs.</summary>
    public sealed class FinderWithoutViewsTests
    {
        private readonly ITestOutputHelper output;

        public FinderWithoutViewsTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Theory]
        [InlineData(VcsimContainerViews.Absent)]
        [InlineData(VcsimContainerViews.Unsupported)]
        public async Task Finding_and_listing_give_the_same_answers_as_with_views(VcsimContainerViews views)
        {
            await using PrivateVcsim without = await PrivateVcsim.StartAsync(new VcsimPeerOptions { ContainerViews = views });
            await using PrivateVcsim with = await PrivateVcsim.StartAsync();
            Assert.Equal(views == VcsimContainerViews.Absent, without.Client.ServiceContent.ViewManager is null);

            IReadOnlyList<string> expected = await AnswersAsync(with, this.output);
            using var recorder = new ActivityRecorder(without.Peer.Url);
            IReadOnlyList<string> actual = await AnswersAsync(without, this.output);

            Assert.Equal(expected, actual);
            this.output.WriteLine("CreateContainerView calls without views: " + recorder.Count("CreateContainerView"));

            // Absent: never asked. Unsupported: the finder asks once and remembers; the client's helpers ask per call and fall back.
            int clientHelperCalls = 4;
            Assert.Equal(views == VcsimContainerViews.Absent ? 0 : 1 + clientHelperCalls, recorder.Count("CreateContainerView"));
            Assert.Equal(0, recorder.Count("DestroyView"));
        }

        [Fact]
        public async Task On_an_ESX_host_relative_paths_start_at_its_only_datacenter()
        {
            await using PrivateVcsim esx = await PrivateVcsim.StartAsync(new VcsimPeerOptions { Model = VcsimModel.Esx });
            var finder = new VimFinder(esx.Client);

            VimInventoryItem datacenter = await finder.UseDatacenterAsync();
            this.output.WriteLine(datacenter.ToString());
            Assert.Equal("/ha-datacenter", datacenter.Path);

            IReadOnlyList<VimInventoryItem> vms = await finder.FindAllAsync("vm/*");
            Assert.Equal(2, vms.Count);
            Assert.All(vms, vm => Assert.Equal("/ha-datacenter/vm/" + vm.Name, vm.Path));
            VimInventoryItem host = await finder.FindAsync("host/*/*", "HostSystem");
            this.output.WriteLine(host.ToString());

            Assert.Equal(vms[0].Reference, (await finder.FindByNameAsync("VirtualMachine", vms[0].Name)).Reference);
            Assert.Equal(host.Reference, (await new VimFinder(esx.Client) { UseContainerViews = false }.FindByNameAsync("HostSystem", host.Name)).Reference);
            Assert.Equal(host.Reference, (await finder.FindAsync("/ha-datacenter/vm/../host/*/" + host.Name)).Reference);
        }

        // Everything the finder and the client's helpers answer, as text comparable across two peers of the same model.
        private static async Task<IReadOnlyList<string>> AnswersAsync(PrivateVcsim vcsim, ITestOutputHelper output)
        {
            var answers = new List<string>();
            var finder = new VimFinder(vcsim.Client);
            foreach ((string type, string name) in new[] { ("VirtualMachine", "DC0_H0_VM1"), ("HostSystem", "DC0_C0_H2"), ("Datastore", "LocalDS_0"), ("Network", "VM Network"), ("ClusterComputeResource", "DC0_C0") })
            {
                answers.Add(type + " " + name + " -> " + (await finder.FindByNameAsync(type, name)).Path);
            }

            answers.Add("datacenter " + (await finder.UseDatacenterAsync()).Path);
            answers.AddRange((await finder.FindAllAsync("host/*/*")).Select(i => "host/*/* -> " + i.Path + " " + i.Type));
            answers.AddRange((await finder.FindAllByNameAsync("ResourcePool", "Resources")).Select(i => "Resources -> " + i.Path).Order());

            var listed = new List<string>();
            await foreach (ObjectContent o in vcsim.Client.ListAsync("HostSystem", ["name"]))
            {
                listed.Add("HostSystem " + o.PropSet.Single().Val);
            }

            await foreach (ObjectContent o in vcsim.Client.ListAsync("VirtualMachine", ["name"]))
            {
                listed.Add("VirtualMachine " + o.PropSet.Single().Val);
            }

            answers.AddRange(listed.Order());
            ManagedObjectReference? vm = await vcsim.Client.FindVirtualMachineByNameAsync("DC0_C0_RP0_VM0");
            answers.Add("FindVirtualMachineByNameAsync -> " + (await finder.FindAsync("/DC0/vm/DC0_C0_RP0_VM0")).Reference.Equals(vm));
            answers.Add("FindByNameAsync Datastore -> " + ((await vcsim.Client.FindByNameAsync("Datastore", "LocalDS_0")) is not null));
            output.WriteLine(string.Join("\n", answers));
            return answers;
        }
    }
}
