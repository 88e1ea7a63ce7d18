using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Properties
{
    /// <summary>Per-property faults (RetrievePropertiesEx's missingSet) are errors naming the property, not absent values.</summary>
    [Collection(VcsimVpxCollection.Name)]
    public sealed class PropertyFaultTests(VcsimVpxFixture fixture)
    {
        [Fact]
        public async Task A_property_the_server_cannot_read_raises_a_typed_fault_naming_it()
        {
            await using VimClient client = await VimClient.ConnectAsync(fixture.Peer.Url.ToString(), new NetworkCredential(fixture.Peer.User, fixture.Peer.Password));
            ManagedObjectReference vm = (await client.FindByInventoryPathAsync("DC0/vm/DC0_H0_VM0"))!;

            var ex = await Assert.ThrowsAsync<VimPropertyFaultException>(() => client.GetPropertiesAsync(vm, "name", "runtime.noSuchProperty"));

            Assert.Equal("runtime.noSuchProperty", ex.PropertyPath);
            Assert.Equal(vm, ex.Object);
            Assert.IsType<InvalidProperty>(ex.Fault);
            Assert.Contains("runtime.noSuchProperty of VirtualMachine:" + vm.Value, ex.Message, StringComparison.Ordinal);
            Assert.Contains("InvalidProperty", ex.Message, StringComparison.Ordinal);
            Assert.IsAssignableFrom<VimFaultException>(ex); // catch (VimFaultException) still sees it
        }

        [Fact]
        public async Task An_unset_property_is_absent_not_an_error()
        {
            await using VimClient client = await VimClient.ConnectAsync(fixture.Peer.Url.ToString(), new NetworkCredential(fixture.Peer.User, fixture.Peer.Password));
            ManagedObjectReference vm = (await client.FindByInventoryPathAsync("DC0/vm/DC0_H0_VM0"))!;

            var properties = await client.GetPropertiesAsync(vm, "name", "runtime.question");

            Assert.Equal("DC0_H0_VM0", properties["name"]);
            Assert.Null(properties.GetValueOrDefault("runtime.question"));
        }

        [Fact]
        public void A_missing_NoPermission_names_the_privilege()
        {
            var content = new ObjectContent
            {
                Obj = new ManagedObjectReference("VirtualMachine", "vm-7"),
                MissingSet = [new MissingProperty { Path = "config", Fault = new LocalizedMethodFault { Fault = new NoPermission { PrivilegeId = "System.Read" }, LocalizedMessage = "Permission to perform this operation was denied." } }],
            };

            var ex = Assert.Throws<VimPropertyFaultException>(() => content.EnsureComplete());

            Assert.Equal("System.Read", ex.PrivilegeId);
            Assert.Equal("Reading config of VirtualMachine:vm-7 failed with NoPermission (missing privilege System.Read): Permission to perform this operation was denied.", ex.Message);
        }
    }
}
