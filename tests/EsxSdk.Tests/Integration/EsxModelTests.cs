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
    /// <summary>The client against vcsim's standalone ESXi host model.</summary>
    [Collection(VcsimEsxCollection.Name)]
    public sealed class EsxModelTests
    {
        private readonly VcsimPeer peer;
        private readonly ITestOutputHelper output;

        public EsxModelTests(VcsimEsxFixture fixture, ITestOutputHelper output)
        {
            this.peer = fixture.Peer;
            this.output = output;
        }

        [Fact]
        public async Task The_host_agent_lists_its_VMs()
        {
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer);

            Assert.Equal("HostAgent", client.ServiceContent.About?.ApiType);
            Assert.Equal("ha-folder-root", client.ServiceContent.RootFolder?.Value);
            Assert.Equal(this.peer.User, client.CurrentSession?.UserName);

            var vms = await Properties.ViewNamesAsync(client, client.ServiceContent.RootFolder!, true, ["VirtualMachine"]);
            var hosts = await Properties.ViewNamesAsync(client, client.ServiceContent.RootFolder!, true, ["HostSystem"]);
            IReadOnlyList<InventoryItem> walked = await InventoryWalk.WalkAsync(client);

            // simulator.ESX(): one host, ha-datacenter, 2 VMs.
            Assert.Equal(2, vms.Count);
            ManagedObjectReference host = Assert.Single(hosts).Key;
            Assert.Equal(vms.Keys.OrderBy(k => k.Value), walked.Where(i => i.Obj.Type == "VirtualMachine").Select(i => i.Obj).OrderBy(k => k.Value));
            var hostVms = (ManagedObjectReference[])(await Properties.GetAsync(client, host, "vm"))!;
            Assert.Equal(vms.Keys.OrderBy(k => k.Value), hostVms.OrderBy(k => k.Value));
            foreach (InventoryItem vm in walked.Where(i => i.Obj.Type == "VirtualMachine"))
            {
                Assert.StartsWith("ha-datacenter/vm/", vm.Path, System.StringComparison.Ordinal);
                Assert.Equal(vm.Obj, await client.Service.FindByInventoryPathAsync(client.ServiceContent.SearchIndex!, vm.Path));
                Assert.Equal(VirtualMachinePowerState.PoweredOn, await VmOperationsTests.PowerStateAsync(client, vm.Obj));
            }

            this.output.WriteLine("VMs: " + string.Join(", ", vms.Select(v => v.Key + " " + v.Value)));
        }
    }
}
