using System;
using System.Linq;
using System.Xml;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Tests.Xml
{
    /// <summary>Real responses captured from vcsim's vCenter model (tests/data/vcsim, see tests/vcsim/capture).</summary>
    public sealed class CapturedResponseTests
    {
        private readonly ITestOutputHelper output;

        public CapturedResponseTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void RetrieveServiceContent_reads_the_service_content()
        {
            CapturedResponse response = CapturedResponse.Read<ServiceContent>("RetrieveServiceContent.xml", "ServiceContent");

            var content = Assert.IsType<ServiceContent>(Assert.Single(response.ReturnValues));
            Assert.Equal(new ManagedObjectReference("Folder", "group-d1"), content.RootFolder);
            Assert.Equal(new ManagedObjectReference("PropertyCollector", "propertyCollector"), content.PropertyCollector);
            Assert.Equal("VirtualCenter", content.About?.ApiType);
            Assert.Equal("6.5", content.About?.ApiVersion);
            Assert.Equal(new ManagedObjectReference("OptionManager", "VpxSettings"), content.Setting);
            Assert.Empty(response.SkippedElements);
        }

        [Fact]
        public void Login_reads_the_user_session_with_nanosecond_timestamps_truncated_to_ticks()
        {
            CapturedResponse response = CapturedResponse.Read<UserSession>("Login.xml", "UserSession");

            var session = Assert.IsType<UserSession>(Assert.Single(response.ReturnValues));
            Assert.Equal("captureuser", session.UserName);
            Assert.Equal(new DateTimeOffset(2026, 11, 25, 22, 12, 14, TimeSpan.Zero).AddTicks(4796836), session.LoginTime);
            Assert.False(session.ExtensionSession);
            Assert.Equal(1L, session.CallCount);
        }

        [Fact]
        public void CurrentTime_reads_an_xsd_dateTime_return_value()
        {
            (XmlReader xml, VimXmlReader reader) = CapturedResponse.OpenBody("CurrentTime.xml");
            using (xml)
            {
                DateTimeOffset? time = null;
                reader.ReadElements(reader, (_, r) =>
                {
                    time = r.ReadDateTime();
                    return true;
                });

                Assert.Equal(new DateTimeOffset(2026, 11, 25, 22, 12, 14, TimeSpan.Zero).AddTicks(4801563), time);
            }
        }

        [Fact]
        public void A_virtual_machine_config_reads_with_its_polymorphic_devices()
        {
            CapturedResponse response = CapturedResponse.Read<RetrieveResult>("RetrievePropertiesEx-vm-config.xml", "RetrieveResult");

            var result = Assert.IsType<RetrieveResult>(Assert.Single(response.ReturnValues));
            ObjectContent vm = Assert.Single(result.Objects);
            Assert.Equal(new ManagedObjectReference("VirtualMachine", "vm-57"), vm.Obj);
            DynamicProperty property = Assert.Single(vm.PropSet);
            Assert.Equal("config", property.Name);
            var config = Assert.IsType<VirtualMachineConfigInfo>(property.Val);
            Assert.Equal("DC0_H0_VM0", config.Name);
            Assert.Equal(string.Empty, config.ChangeVersion);
            Assert.Equal(1, config.Hardware?.NumCPU);
            Assert.Equal(32, config.Hardware?.MemoryMB);
            VirtualDisk disk = Assert.Single(config.Hardware!.Device.OfType<VirtualDisk>());
            Assert.IsType<VirtualDiskFlatVer2BackingInfo>(disk.Backing);
            Assert.Contains(config.Hardware.Device, d => d is VirtualE1000);
            Assert.Equal("[LocalDS_0] DC0_H0_VM0/DC0_H0_VM0.vmx", config.Files?.VmPathName);
            Assert.Empty(response.SkippedElements);
        }

        [Fact]
        public void OptionManager_settings_read_their_anyType_values_by_xsi_type()
        {
            CapturedResponse response = CapturedResponse.Read<RetrieveResult>("RetrievePropertiesEx-optionmanager-all.xml", "RetrieveResult");

            var result = Assert.IsType<RetrieveResult>(Assert.Single(response.ReturnValues));
            DynamicProperty setting = Assert.Single(Assert.Single(result.Objects).PropSet, p => p.Name == "setting");
            OptionValue[] options = Assert.IsType<OptionValue[]>(setting.Val);
            Assert.Contains(options, o => o.Key == "event.batchsize" && Equals(o.Value, 2000));
            Assert.Contains(options, o => o.Value is string);
            Assert.Contains(options, o => o.Value is bool);
            DynamicProperty supported = Assert.Single(Assert.Single(result.Objects).PropSet, p => p.Name == "supportedOption");
            Assert.Empty(Assert.IsType<OptionDef[]>(supported.Val));
        }

        [Fact]
        public void A_ManagedObjectNotFound_fault_detail_reads_as_its_typed_fault()
        {
            (string faultString, MethodFault fault) = CapturedResponse.ReadFault("Fault-ManagedObjectNotFound.xml");

            var notFound = Assert.IsType<ManagedObjectNotFound>(fault);
            Assert.Equal(new ManagedObjectReference("VirtualMachine", "vm-99999"), notFound.Obj);
            Assert.Contains("deleted", faultString, StringComparison.Ordinal);
        }

        [Fact]
        public void An_InvalidLogin_fault_detail_reads_as_its_typed_fault()
        {
            (_, MethodFault fault) = CapturedResponse.ReadFault("Fault-InvalidLogin.xml");

            Assert.IsType<InvalidLogin>(fault);
        }

        [Theory]
        [InlineData("RetrievePropertiesEx-vm-all.xml")]
        [InlineData("RetrievePropertiesEx-vms-summary.xml")]
        [InlineData("RetrievePropertiesEx-host-all.xml")]
        [InlineData("RetrievePropertiesEx-cluster-all.xml")]
        [InlineData("RetrievePropertiesEx-datacenter-all.xml")]
        [InlineData("RetrievePropertiesEx-datastore-all.xml")]
        [InlineData("RetrievePropertiesEx-network-all.xml")]
        [InlineData("RetrievePropertiesEx-dvportgroup-all.xml")]
        [InlineData("RetrievePropertiesEx-optionmanager-all.xml")]
        [InlineData("RetrievePropertiesEx-perfmanager-all.xml")]
        [InlineData("RetrievePropertiesEx-inventory-names.xml")]
        public void Every_captured_property_reads_without_loss_and_survives_a_round_trip(string fileName)
        {
            CapturedResponse response = CapturedResponse.Read<RetrieveResult>(fileName, "RetrieveResult");

            var result = Assert.IsType<RetrieveResult>(Assert.Single(response.ReturnValues));
            Assert.NotEmpty(result.Objects);
            Assert.True(response.SkippedElements.Count == 0, "elements the binding did not know: " + string.Join(", ", response.SkippedElements));
            object[] graph = ObjectGraph.Walk(result).ToArray();
            Assert.DoesNotContain(graph, o => o is VimUnknownValue);
            Assert.All(result.Objects.SelectMany(o => o.PropSet), p => Assert.NotNull(p.Val));

            string xml = VimXmlSerializer.Serialize(result, VimTypeRegistry.Instance);
            RetrieveResult copy = VimXmlSerializer.Deserialize<RetrieveResult>(xml, VimTypeRegistry.Instance);
            Assert.Null(ObjectGraph.FirstDifference(result, copy));
            this.output.WriteLine(fileName + ": " + result.Objects.Length + " objects, " + result.Objects.Sum(o => o.PropSet.Length) + " properties, " + graph.Length + " values");
        }
    }
}
