using System.IO;
using System.Text;
using System.Xml;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using EsxSdk.Xml.Reader;
using Xunit;

namespace EsxSdk.Tests.Xml
{
    /// <summary>
    /// EsxSdk's UTF-8 reader reads a "&lt;name&gt;text&lt;/name&gt;" value in one step (Utf8XmlReader.TryReadElementText)
    /// and leaves every other shape to its general path: whatever the text holds, the tags around it and however the input
    /// arrives, a value reads as it does through System.Xml's reader, and a malformed end tag is refused as before.
    /// </summary>
    public sealed class ElementTextTests
    {
        private const string Head = """<obj xmlns="urn:vim25" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">""";

        [Theory]
        [InlineData("plain")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(" \n\t spaced \n")]
        [InlineData("a &amp; b")]
        [InlineData("&#x1F600;&lt;&gt;")]
        [InlineData("x]y")]
        [InlineData("a\r\nb\rc")]
        [InlineData("a<!-- c -->b")]
        [InlineData("<![CDATA[<x>]]>y")]
        [InlineData("a<?pi x?>b")]
        [InlineData("\u00E9 \u4E2D \U0001F600")]
        public void A_string_value_reads_as_through_System_Xml(string content)
        {
            string xml = Head + "<propSet><name>" + content + "</name><val xsi:type=\"xsd:string\">" + content + "</val></propSet></obj>";

            AssertSameAsSystemXml(xml);
        }

        [Theory]
        [InlineData("<name>v</name >")]
        [InlineData("<name>v</name\n>")]
        [InlineData("<v:name xmlns:v=\"urn:vim25\">v</v:name>")]
        [InlineData("<name a=\"1\">v</name>")]
        [InlineData("<name></name>")]
        [InlineData("<name/>")]
        public void The_tags_around_a_value_do_not_change_it(string nameElement)
        {
            string xml = Head + "<propSet>" + nameElement + "<val xsi:type=\"xsd:int\">7</val></propSet></obj>";

            AssertSameAsSystemXml(xml);
        }

        [Theory]
        [InlineData("<name>v</nane>")]
        [InlineData("<name>v</Name>")]
        [InlineData("<name>v</nam>")]
        [InlineData("<name>v</names>")]
        [InlineData("<name>v</v:name>")]
        [InlineData("<name>v</name")]
        [InlineData("<name>v")]
        public void A_value_whose_end_tag_does_not_close_it_is_refused(string nameElement)
        {
            string xml = Head + "<propSet>" + nameElement + "<val xsi:type=\"xsd:int\">7</val></propSet></obj>";

            var expected = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<ObjectContent>(xml, VimTypeRegistry.Instance));
            var actual = Assert.Throws<VimXmlException>(() => ReadWithUtf8Reader<ObjectContent>(Encoding.UTF8.GetBytes(xml), chunk: 0));

            Assert.Equal(expected.LineNumber, actual.LineNumber);
            Assert.Equal(expected.LinePosition, actual.LinePosition);
            Assert.Contains("'name'", actual.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void An_attribute_is_found_by_its_namespace_as_well_as_its_name()
        {
            string xml = Head + """<obj xsi:type="ManagedObjectReference" type="VirtualMachine">vm-1</obj>"""
                + """<propSet><name>n</name><val type="xsd:string" xsi:type="xsd:int">7</val></propSet></obj>""";

            ObjectContent content = ReadWithUtf8Reader<ObjectContent>(Encoding.UTF8.GetBytes(xml), chunk: 0);

            Assert.Equal(new ManagedObjectReference("VirtualMachine", "vm-1"), content.Obj);
            Assert.Equal(7, Assert.Single(content.PropSet).Val);
            AssertSameAsSystemXml(xml);
        }

        [Theory]
        [InlineData("RetrievePropertiesEx-vm-all.xml")]
        [InlineData("RetrievePropertiesEx-vms-summary.xml")]
        [InlineData("RetrievePropertiesEx-host-all.xml")]
        [InlineData("RetrievePropertiesEx-perfmanager-all.xml")]
        public void A_captured_response_decodes_as_through_System_Xml_however_its_bytes_arrive(string fileName)
        {
            CapturedResponse expected = CapturedResponse.Read<RetrieveResult>(fileName, "RetrieveResult");
            byte[] bytes = File.ReadAllBytes(CapturedResponse.PathOf(fileName));

            foreach (int chunk in new[] { 0, 1, 7, 4093 })
            {
                using Stream stream = chunk > 0 ? new TrickleStream(bytes, chunk) : new MemoryStream(bytes);
                using XmlReader xml = VimXmlSerializer.CreateReader(stream);
                Assert.IsType<Utf8XmlReader>(xml);
                CapturedResponse actual = CapturedResponse.ReadFrom<RetrieveResult>(xml, fileName, "RetrieveResult");

                Assert.Equal(expected.ReturnValues.Count, actual.ReturnValues.Count);
                for (int i = 0; i < expected.ReturnValues.Count; i++)
                {
                    Assert.Null(ObjectGraph.FirstDifference(expected.ReturnValues[i], actual.ReturnValues[i]));
                }

                Assert.Equal(expected.SkippedElements, actual.SkippedElements);
            }
        }

        private static void AssertSameAsSystemXml(string xml)
        {
            ObjectContent expected = VimXmlSerializer.Deserialize<ObjectContent>(xml, VimTypeRegistry.Instance);
            byte[] bytes = Encoding.UTF8.GetBytes(xml);
            foreach (int chunk in new[] { 0, 1, 3 })
            {
                ObjectContent actual = ReadWithUtf8Reader<ObjectContent>(bytes, chunk);

                Assert.Null(ObjectGraph.FirstDifference(expected, actual));
            }
        }

        private static T ReadWithUtf8Reader<T>(byte[] bytes, int chunk)
            where T : class, IVimXmlSerializable, new()
        {
            using Stream stream = chunk > 0 ? new TrickleStream(bytes, chunk) : new MemoryStream(bytes);
            using XmlReader xml = VimXmlSerializer.CreateReader(stream);
            Assert.IsType<Utf8XmlReader>(xml);
            return VimXmlSerializer.Deserialize<T>(xml, VimTypeRegistry.Instance);
        }
    }
}
