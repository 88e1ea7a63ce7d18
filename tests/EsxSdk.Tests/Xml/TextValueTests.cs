using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Xml
{
    /// <summary>
    /// Numbers, booleans, enumeration values and xsi:type names are read from the element's text without a string each;
    /// they must read exactly as XmlConvert reads them, with the same errors, on every kind of XmlReader: the one
    /// XmlReader.Create makes, WCF's, one that cannot hand out value chunks, and EsxSdk's own (the transport's).
    /// </summary>
    public sealed class TextValueTests
    {
        private const string Head = """<obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">""";

        private static readonly string[] Kinds = ["XmlReader.Create", "WCF text reader", "XmlNodeReader", "EsxSdk UTF-8 reader"];

        public static TheoryData<string> ReaderKinds => new(Kinds);

        public static TheoryData<string, string, string, object> Values
        {
            get
            {
                var data = new TheoryData<string, string, string, object>();
                foreach (string kind in Kinds)
                {
                    data.Add(kind, "int", " \n\t42\r\n ", 42);
                    data.Add(kind, "int", "+5", 5);
                    data.Add(kind, "int", "-2147483648", int.MinValue);
                    data.Add(kind, "int", "4<![CDATA[2]]>", 42);
                    data.Add(kind, "int", "4<!-- between -->2", 42);
                    data.Add(kind, "int", new string(' ', 1000) + "7", 7); // longer than the first text buffer
                    data.Add(kind, "long", "9223372036854775807", long.MaxValue);
                    data.Add(kind, "short", "-32768", short.MinValue);
                    data.Add(kind, "byte", "-128", sbyte.MinValue);
                    data.Add(kind, "boolean", " true ", true);
                    data.Add(kind, "boolean", "1", true);
                    data.Add(kind, "boolean", "0", false);
                    data.Add(kind, "boolean", "false", false);
                    data.Add(kind, "double", "1.5E3", 1500d);
                    data.Add(kind, "double", "INF", double.PositiveInfinity);
                    data.Add(kind, "double", " -INF ", double.NegativeInfinity);
                    data.Add(kind, "double", "NaN", double.NaN);
                    data.Add(kind, "double", "-0", -0d);
                    data.Add(kind, "float", "3.25", 3.25f);
                    data.Add(kind, "float", "-INF", float.NegativeInfinity);
                    data.Add(kind, "dateTime", "2024-02-29T12:00:00.123456789Z", new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
                    data.Add(kind, "base64Binary", "AQID", new byte[] { 1, 2, 3 });
                }

                return data;
            }
        }

        public static TheoryData<string, string, string> Invalid
        {
            get
            {
                var data = new TheoryData<string, string, string>();
                foreach (string kind in Kinds)
                {
                    data.Add(kind, "int", "12x");
                    data.Add(kind, "int", "2147483648");
                    data.Add(kind, "int", "");
                    data.Add(kind, "long", "1.0");
                    data.Add(kind, "byte", "128");
                    data.Add(kind, "boolean", "yes");
                    data.Add(kind, "boolean", "True");
                    data.Add(kind, "double", "1,5");
                    data.Add(kind, "double", "1e");
                    data.Add(kind, "dateTime", "yesterday");
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Values))]
        public void A_primitive_reads_as_XmlConvert_reads_it(string kind, string xsdType, string text, object expected)
        {
            string xml = Head + "<propSet><name>v</name><val xsi:type=\"xsd:" + xsdType + "\">" + text + "</val></propSet></obj>";

            object? value = Read<ObjectContent>(kind, xml).PropSet.Single().Val;

            Assert.Equal(expected, value);
            if (expected is double d && d == 0)
            {
                Assert.True(double.IsNegative((double)value!), "-0 keeps its sign, as XmlConvert reads it");
            }
        }

        [Theory]
        [MemberData(nameof(Invalid))]
        public void A_value_that_is_not_of_its_type_names_the_element_the_text_and_the_type(string kind, string xsdType, string text)
        {
            string xml = Head + "\n<propSet><name>v</name>\n  <val xsi:type=\"xsd:" + xsdType + "\">" + text + "</val></propSet></obj>";

            var ex = Assert.Throws<VimXmlException>(() => Read<ObjectContent>(kind, xml));

            Assert.Contains("Element 'val' holds '" + text + "', which is not a valid xsd:" + xsdType, ex.Message, StringComparison.Ordinal);
            Assert.True(ex.InnerException is FormatException or OverflowException, ex.InnerException?.GetType().Name);
            if (kind != "XmlNodeReader")
            {
                Assert.Equal(3, ex.LineNumber);
            }
        }

        [Theory]
        [MemberData(nameof(ReaderKinds))]
        public void A_number_element_holding_an_element_is_refused_naming_both(string kind)
        {
            string xml = """<obj xmlns="urn:vim25"><overallCpuUsage>1<b>2</b></overallCpuUsage></obj>""";

            var ex = Assert.Throws<VimXmlException>(() => Read<VirtualMachineQuickStats>(kind, xml));

            Assert.Contains("Element 'overallCpuUsage' holds the element 'b' where a text value is expected", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(ReaderKinds))]
        public void Typed_members_read_from_text_and_enumeration_values_are_shared_not_copied(string kind)
        {
            string xml = """
                <obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:v="urn:vim25">
                  <propSet><name>a</name><val xsi:type="VirtualMachineRuntimeInfo"><host type="HostSystem">host-1</host><connectionState>connected</connectionState><powerState> poweredOn</powerState><maxCpuUsage>2000</maxCpuUsage></val></propSet>
                  <propSet><name>b</name><val xsi:type=" v:VirtualMachineRuntimeInfo "><host type="HostSystem">host-2</host><connectionState>connected</connectionState><powerState>poweredOn</powerState><maxCpuUsage>-1</maxCpuUsage></val></propSet>
                  <propSet><name>c</name><val xsi:type="xsd:int" xmlns:xsd="http://www.w3.org/2001/XMLSchema">3</val></propSet>
                  <propSet><name>d</name><val xsi:type="VirtualMachine&#x52;untimeInfo"><host type="Host&amp;System">host-3</host></val></propSet>
                </obj>
                """;

            DynamicProperty[] set = Read<ObjectContent>(kind, xml).PropSet;
            var a = Assert.IsType<VirtualMachineRuntimeInfo>(set[0].Val);
            var b = Assert.IsType<VirtualMachineRuntimeInfo>(set[1].Val);

            Assert.Equal(" poweredOn", a.PowerState.Value); // enumeration text is not trimmed: an unknown value keeps what was sent
            Assert.False(a.PowerState.IsKnown);
            Assert.Equal(VirtualMachinePowerState.PoweredOn, b.PowerState);
            Assert.Same(a.ConnectionState.Value, b.ConnectionState.Value);
            Assert.Equal(new ManagedObjectReference("HostSystem", "host-2"), b.Host);
            Assert.Same(a.Host!.Type, b.Host!.Type);
            Assert.Equal(2000, a.MaxCpuUsage);
            Assert.Equal(-1, b.MaxCpuUsage);
            Assert.Equal(3, set[2].Val);
            Assert.Equal(new ManagedObjectReference("Host&System", "host-3"), Assert.IsType<VirtualMachineRuntimeInfo>(set[3].Val).Host);
        }

        [Theory]
        [MemberData(nameof(ReaderKinds))]
        public void Shared_values_that_look_alike_stay_apart(string kind)
        {
            // Same length, first and last characters: one slot of the reader's recent values, taken in turn.
            string[] types = ["HostSystem", "HostSysxem", "HostSystem", "Hxxxxxxxxm", "HostSysxem"];
            var xml = new StringBuilder("""<obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">""");
            xml.Append("""<propSet><name>refs</name><val xsi:type="ArrayOfManagedObjectReference">""");
            for (int i = 0; i < types.Length; i++)
            {
                xml.Append("<ManagedObjectReference type=\"" + types[i] + "\">obj-" + i + "</ManagedObjectReference>");
            }

            xml.Append("</val></propSet></obj>");

            var refs = Assert.IsType<ManagedObjectReference[]>(Read<ObjectContent>(kind, xml.ToString()).PropSet.Single().Val);

            Assert.Equal(types, refs.Select(r => r.Type));
            Assert.Same(refs[0].Type, refs[2].Type);
            Assert.Same(refs[1].Type, refs[4].Type);
        }

        [Theory]
        [MemberData(nameof(ReaderKinds))]
        public void Repeated_members_keep_every_item_in_document_order_however_they_are_split(string kind)
        {
            var xml = new StringBuilder("""<obj xmlns="urn:vim25"><key>x</key>""");
            for (int i = 0; i < 1000; i++)
            {
                xml.Append("<choiceInfo><key>k").Append(i).Append("</key><label>l</label><summary>s</summary></choiceInfo>");
            }

            xml.Append("<defaultIndex>3</defaultIndex>");
            xml.Append("<choiceInfo><key>last</key><label>l</label><summary>s</summary></choiceInfo>");
            xml.Append("</obj>");

            ChoiceOption option = Read<ChoiceOption>(kind, xml.ToString());

            Assert.Equal(1001, option.ChoiceInfo.Length);
            Assert.Equal(Enumerable.Range(0, 1000).Select(i => "k" + i).Append("last"), option.ChoiceInfo.Select(c => c.Key));
            Assert.Equal(3, option.DefaultIndex);
        }

        [Theory]
        [MemberData(nameof(ReaderKinds))]
        public void An_ArrayOf_value_with_many_items_reads_them_all(string kind)
        {
            var xml = new StringBuilder(Head + """<propSet><name>v</name><val xsi:type="ArrayOfLong">""");
            for (long i = 0; i < 5000; i++)
            {
                xml.Append("<long>").Append(i * 1_000_000_007L).Append("</long>");
            }

            xml.Append("</val></propSet></obj>");

            object? value = Read<ObjectContent>(kind, xml.ToString()).PropSet.Single().Val;

            Assert.Equal(Enumerable.Range(0, 5000).Select(i => i * 1_000_000_007L), Assert.IsType<long[]>(value));
        }

        [Theory]
        [MemberData(nameof(ReaderKinds))]
        public void Strings_keep_every_character_short_empty_spaced_or_longer_than_the_buffer(string kind)
        {
            // Longer than the buffer and its spill threshold, with entities and CDATA sections across the piece boundaries.
            var longText = new StringBuilder();
            var longXml = new StringBuilder();
            for (int i = 0; longText.Length < 200_000; i++)
            {
                string piece = "line " + i + " <&> \"'\n";
                longText.Append(piece);
                longXml.Append(i % 7 == 0 ? "<![CDATA[" + piece + "]]>" : System.Security.SecurityElement.Escape(piece));
            }

            string xml = "<obj xmlns=\"urn:vim25\"><name>" + longXml + "</name><fullName/><vendor>  </vendor><version>a<!-- c -->b</version></obj>";

            AboutInfo about = Read<AboutInfo>(kind, xml);

            Assert.Equal(longText.ToString(), about.Name);
            Assert.Equal(string.Empty, about.FullName);
            Assert.Equal("  ", about.Vendor);
            Assert.Equal("ab", about.Version);
        }

        [Theory]
        [MemberData(nameof(ReaderKinds))]
        public void A_repeated_short_string_is_shared_and_every_value_keeps_its_characters(string kind)
        {
            // Far more distinct values than the reader keeps, each sent twice, some longer than it shares: whatever it keeps
            // or evicts, every value reads back as sent.
            var xml = new StringBuilder(Head + """<propSet><name>v</name><val xsi:type="ArrayOfString">""");
            var expected = new List<string>();
            for (int i = 0; i < 6000; i++)
            {
                string value = i % 5 == 0 ? new string('x', 60 + (i % 10)) + i : "Hard disk " + (i % 4000);
                expected.Add(value);
                expected.Add(value);
                xml.Append("<string>").Append(value).Append("</string><string>").Append(value).Append("</string>");
            }

            xml.Append("</val></propSet></obj>");

            var values = Assert.IsType<string[]>(Read<ObjectContent>(kind, xml.ToString()).PropSet.Single().Val);

            Assert.Equal(expected, values);
            for (int i = 0; i < values.Length; i += 2)
            {
                if (values[i].Length <= 64)
                {
                    Assert.Same(values[i], values[i + 1]); // the same value twice in a row: one string
                }
            }
        }

        private static T Read<T>(string kind, string xml)
            where T : class, IVimXmlSerializable, new()
        {
            switch (kind)
            {
                case "XmlReader.Create":
                    return VimXmlSerializer.Deserialize<T>(xml, VimTypeRegistry.Instance);
                case "EsxSdk UTF-8 reader":
                    // The transport's reader: a value read in one step where its text allows (Utf8XmlReader.TryReadElementText).
                    using (XmlReader utf8 = VimXmlSerializer.CreateReader(new MemoryStream(Encoding.UTF8.GetBytes(xml))))
                    {
                        Assert.IsType<EsxSdk.Xml.Reader.Utf8XmlReader>(utf8);
                        return VimXmlSerializer.Deserialize<T>(utf8, VimTypeRegistry.Instance);
                    }

                case "WCF text reader":
                    using (XmlDictionaryReader wcf = XmlDictionaryReader.CreateTextReader(Encoding.UTF8.GetBytes(xml), XmlDictionaryReaderQuotas.Max))
                    {
                        Assert.True(wcf.CanReadValueChunk);
                        return VimXmlSerializer.Deserialize<T>(wcf, VimTypeRegistry.Instance);
                    }

                default:
                    var document = new XmlDocument { PreserveWhitespace = true };
                    document.LoadXml(xml);
                    using (var nodes = new XmlNodeReader(document))
                    {
                        Assert.False(nodes.CanReadValueChunk);
                        return VimXmlSerializer.Deserialize<T>(nodes, VimTypeRegistry.Instance);
                    }
            }
        }
    }
}
