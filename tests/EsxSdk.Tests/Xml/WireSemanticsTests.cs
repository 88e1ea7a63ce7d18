using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Xml
{
    /// <summary>How the binding reads and writes what real servers send: types by namespace URI, unknown values, defaults.</summary>
    public sealed class WireSemanticsTests
    {
        [Fact]
        public void An_enum_value_the_WSDL_does_not_list_reads_is_inspectable_and_writes_back_unchanged()
        {
            string xml = """<obj xmlns="urn:vim25"><powerState>poweredSideways</powerState><connectionState>connected</connectionState></obj>""";

            VirtualMachineRuntimeInfo info = VimXmlSerializer.Deserialize<VirtualMachineRuntimeInfo>(xml, VimTypeRegistry.Instance);

            Assert.Equal("poweredSideways", info.PowerState.Value);
            Assert.False(info.PowerState.IsKnown);
            Assert.True(info.ConnectionState.IsKnown);
            Assert.Equal(VirtualMachineConnectionState.Connected, info.ConnectionState);
            Assert.Contains("<powerState>poweredSideways</powerState>", VimXmlSerializer.Serialize(info, VimTypeRegistry.Instance), StringComparison.Ordinal);
        }

        [Fact]
        public void Enum_values_compare_by_wire_text_and_convert_from_strings()
        {
            VirtualMachinePowerState state = "poweredOn";

            Assert.Equal(VirtualMachinePowerState.PoweredOn, state);
            Assert.True(state == VirtualMachinePowerState.PoweredOn);
            Assert.Same(VirtualMachinePowerState.PoweredOn.Value, VirtualMachinePowerState.FromWire(new string("poweredOn".ToCharArray())).Value);
            Assert.Equal(3, VirtualMachinePowerState.KnownValues.Count);
            Assert.Equal(string.Empty, default(VirtualMachinePowerState).Value);
            Assert.Equal("poweredOn", state.ToString());
        }

        [Fact]
        public void ManagedObjectReference_has_value_equality_and_reads_its_type_attribute()
        {
            var a = new ManagedObjectReference("VirtualMachine", "vm-42");
            var b = new ManagedObjectReference { Type = "VirtualMachine", Value = "vm-42" };

            Assert.Equal(a, b);
            Assert.True(a == b);
            Assert.NotEqual(a, new ManagedObjectReference("HostSystem", "vm-42"));
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.Single(new HashSet<ManagedObjectReference> { a, b });
            Assert.Equal("VirtualMachine:vm-42", a.ToString());

            string xml = """<obj xmlns="urn:vim25"><_this type="VirtualMachine">vm-42</_this><newName>web</newName></obj>""";
            RenameRequestType request = VimXmlSerializer.Deserialize<RenameRequestType>(xml, VimTypeRegistry.Instance);
            Assert.Equal(a, request.This);
        }

        [Theory]
        [InlineData("xsi")]
        [InlineData("XMLSchema-instance")]
        [InlineData("i")]
        public void xsi_type_is_resolved_by_namespace_uri_whatever_the_prefix(string prefix)
        {
            string xml = $"""<obj xmlns="urn:vim25" xmlns:{prefix}="http://www.w3.org/2001/XMLSchema-instance" xmlns:v="urn:vim25" {prefix}:type="VirtualMachineConfigSpec"><deviceChange {prefix}:type="v:VirtualDeviceConfigSpec"><device {prefix}:type="VirtualDisk"><key>7</key><capacityInKB>1024</capacityInKB></device></deviceChange></obj>""";

            VirtualMachineConfigSpec spec = VimXmlSerializer.Deserialize<VirtualMachineConfigSpec>(xml, VimTypeRegistry.Instance);

            VirtualDisk disk = Assert.IsType<VirtualDisk>(Assert.Single(spec.DeviceChange).Device);
            Assert.Equal(7, disk.Key);
            Assert.Equal(1024, disk.CapacityInKB);
        }

        [Fact]
        public void A_type_in_another_namespace_with_a_known_local_name_is_not_taken_for_the_vim25_type()
        {
            string xml = """<obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:other="urn:other"><deviceChange><device xsi:type="other:VirtualDisk"><key>7</key></device></deviceChange></obj>""";

            VirtualMachineConfigSpec spec = VimXmlSerializer.Deserialize<VirtualMachineConfigSpec>(xml, VimTypeRegistry.Instance);

            VirtualDevice device = Assert.Single(spec.DeviceChange).Device!;
            Assert.Equal(typeof(VirtualDevice), device.GetType());
            Assert.Equal(7, device.Key);
        }

        /// <summary>The reader keeps recent xsi:type values split: the same text must still resolve in each element's own scope.</summary>
        [Fact]
        public void The_same_xsi_type_text_resolves_by_the_prefix_binding_in_scope_at_each_element()
        {
            string xml = """<obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><deviceChange><device xmlns:p="urn:vim25" xsi:type="p:VirtualDisk"><key>1</key></device></deviceChange><deviceChange><device xmlns:p="urn:other" xsi:type="p:VirtualDisk"><key>2</key></device></deviceChange><deviceChange><device xmlns:p="urn:vim25" xsi:type="p:VirtualDisk"><key>3</key></device></deviceChange></obj>""";

            VirtualMachineConfigSpec spec = VimXmlSerializer.Deserialize<VirtualMachineConfigSpec>(xml, VimTypeRegistry.Instance);

            Assert.Equal(new[] { typeof(VirtualDisk), typeof(VirtualDevice), typeof(VirtualDisk) }, spec.DeviceChange.Select(change => change.Device!.GetType()));
            Assert.Equal(new[] { 1, 2, 3 }, spec.DeviceChange.Select(change => change.Device!.Key));
        }

        /// <summary>Many distinct xsi:type values in turn (more than the reader keeps), after other attributes, each with its own type.</summary>
        [Fact]
        public void Alternating_xsi_types_after_other_attributes_each_read_as_their_own_type()
        {
            Type[] types = typeof(VirtualDevice).Assembly.GetTypes()
                .Where(type => type.IsSubclassOf(typeof(VirtualDevice)) && !type.IsAbstract)
                .OrderBy(type => type.Name, StringComparer.Ordinal)
                .ToArray();
            var xml = new System.Text.StringBuilder("""<obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:v="urn:vim25">""");
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < types.Length; i++)
                {
                    string type = (i % 2 == 0 ? "v:" : string.Empty) + ((IVimXmlSerializable)Activator.CreateInstance(types[i])!).XmlTypeName;
                    xml.Append($"""<deviceChange><device a="1" xmlns:x="urn:x" x:type="Nothing" type="Nothing" xsi:type="{type}"><key>{i}</key></device></deviceChange>""");
                }
            }

            xml.Append("</obj>");

            VirtualMachineConfigSpec spec = VimXmlSerializer.Deserialize<VirtualMachineConfigSpec>(xml.ToString(), VimTypeRegistry.Instance);

            Assert.True(types.Length > 40, "expected the binding's virtual devices");
            Assert.Equal(Enumerable.Repeat(types, 3).SelectMany(t => t), spec.DeviceChange.Select(change => change.Device!.GetType()));
            Assert.Equal(Enumerable.Repeat(Enumerable.Range(0, types.Length), 3).SelectMany(k => k), spec.DeviceChange.Select(change => change.Device!.Key));
        }

        [Fact]
        public void An_unknown_xsi_type_falls_back_to_the_declared_type_and_keeps_the_known_members()
        {
            string xml = """<obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><deviceChange><device xsi:type="VirtualQuantumDrive"><key>9</key><qubits>64</qubits></device></deviceChange></obj>""";
            using var reader = System.Xml.XmlReader.Create(new System.IO.StringReader(xml), VimXmlSerializer.CreateReaderSettings());
            reader.MoveToContent();
            var vim = new VimXmlReader(reader, VimTypeRegistry.Instance);

            VirtualMachineConfigSpec spec = vim.ReadObject<VirtualMachineConfigSpec>("VirtualMachineConfigSpec");

            VirtualDevice device = Assert.Single(spec.DeviceChange).Device!;
            Assert.Equal(typeof(VirtualDevice), device.GetType());
            Assert.Equal(9, device.Key);
            Assert.Equal(new[] { "VirtualDevice.qubits" }, vim.SkippedElements);
        }

        [Fact]
        public void anyType_values_of_every_kind_read_as_their_dotnet_types()
        {
            string xml = """
                <obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
                  <propSet><name>i</name><val xsi:type="xsd:int">42</val></propSet>
                  <propSet><name>l</name><val xsi:type="xsd:long">9000000000</val></propSet>
                  <propSet><name>b</name><val xsi:type="xsd:boolean">true</val></propSet>
                  <propSet><name>s</name><val xsi:type="xsd:string"> spaced </val></propSet>
                  <propSet><name>d</name><val xsi:type="xsd:dateTime">2024-02-29T12:00:00+01:00</val></propSet>
                  <propSet><name>strings</name><val xsi:type="ArrayOfString"><string>a</string><string>b</string></val></propSet>
                  <propSet><name>refs</name><val xsi:type="ArrayOfManagedObjectReference"><ManagedObjectReference type="Datastore">ds-1</ManagedObjectReference></val></propSet>
                  <propSet><name>ref</name><val xsi:type="ManagedObjectReference" type="Folder">group-d1</val></propSet>
                  <propSet><name>state</name><val xsi:type="ManagedEntityStatus">green</val></propSet>
                  <propSet><name>data</name><val xsi:type="AboutInfo"><name>x</name></val></propSet>
                  <propSet><name>future</name><val xsi:type="FutureThing"><a>1</a></val></propSet>
                </obj>
                """;

            ObjectContent content = VimXmlSerializer.Deserialize<ObjectContent>(xml, VimTypeRegistry.Instance);
            Dictionary<string, object?> values = new();
            foreach (DynamicProperty property in content.PropSet)
            {
                values[property.Name!] = property.Val;
            }

            Assert.Equal(42, values["i"]);
            Assert.Equal(9_000_000_000L, values["l"]);
            Assert.Equal(true, values["b"]);
            Assert.Equal(" spaced ", values["s"]);
            Assert.Equal(new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.FromHours(1)), values["d"]);
            Assert.Equal(new[] { "a", "b" }, values["strings"]);
            Assert.Equal(new[] { new ManagedObjectReference("Datastore", "ds-1") }, values["refs"]);
            Assert.Equal(new ManagedObjectReference("Folder", "group-d1"), values["ref"]);
            Assert.Equal(ManagedEntityStatus.Green, values["state"]);
            Assert.Equal("x", Assert.IsType<AboutInfo>(values["data"]).Name);
            var future = Assert.IsType<VimUnknownValue>(values["future"]);
            Assert.Equal("FutureThing", future.TypeName);
            Assert.Equal("urn:vim25", future.TypeNamespace);
            Assert.Contains("<a", future.InnerXml, StringComparison.Ordinal);

            ObjectContent copy = VimXmlSerializer.Deserialize<ObjectContent>(VimXmlSerializer.Serialize(content, VimTypeRegistry.Instance), VimTypeRegistry.Instance);
            Assert.Null(Support.ObjectGraph.FirstDifference(content, copy));
        }

        [Fact]
        public void Writing_puts_xsi_type_only_where_the_value_is_a_subtype_and_omits_empty_members()
        {
            var spec = new VirtualMachineConfigSpec
            {
                Name = "web",
                DeviceChange = new[] { new VirtualDeviceConfigSpec { Device = new VirtualDisk { Key = -1, CapacityInKB = 1024 } } },
            };

            string xml = VimXmlSerializer.Serialize(spec, VimTypeRegistry.Instance, "spec");

            Assert.Contains("<deviceChange><device xsi:type=\"VirtualDisk\"><key>-1</key>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<deviceChange xsi:type", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("numCPUs", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("extraConfig", xml, StringComparison.Ordinal);
        }

        [Fact]
        public void A_value_of_a_type_without_a_wire_form_cannot_be_written_as_anyType()
        {
            var property = new DynamicProperty { Name = "x", Val = new Version(1, 2) };

            var ex = Assert.Throws<ArgumentException>(() => VimXmlSerializer.Serialize(property, VimTypeRegistry.Instance));

            Assert.Contains("'Version'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'val'", ex.Message, StringComparison.Ordinal);
        }
    }
}
