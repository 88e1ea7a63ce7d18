using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
    /// EsxSdk's UTF-8 reader against System.Xml's (XmlReader.Create with EsxSdk's settings) as the reference: the same
    /// nodes, names, values, depths and places for well-formed documents, and an XmlException at the same node for
    /// malformed ones, over captured vcsim responses, every type of the binding, edge cases, every truncation of a
    /// document, byte mutations, and streams that hand out a few bytes at a time.
    /// </summary>
    public sealed class Utf8XmlReaderConformanceTests
    {
        private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out int s) ? s : 14;
        private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ROUNDS"), out int r) ? r : 3000;

        private const string Ns = "xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"";

        public static readonly TheoryData<string> WellFormed = new()
        {
            "<a/>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>text</a>",
            "<?xml version='1.0' encoding='utf-8' standalone='yes'?><a/>",
            "\uFEFF<a>with a byte order mark</a>",
            "<a " + Ns + "><b xsi:type=\"xsd:int\">42</b><c xsi:type=\"ArrayOfString\"><string>x</string><string/></c></a>",
            "<p:a xmlns:p=\"urn:p\" xmlns:q=\"urn:q\" q:x=\"1\" y=\"2\"><p:b/><q:c xmlns:q=\"urn:other\" q:z=\"3\"/><d xmlns=\"urn:d\"><e/></d></p:a>",
            "<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;&#0000000067;</a>",
            "<a x=\"&lt;&amp;&#9;&#10;&#13;\ttab\nline\r\ncr\rend\" y='it&apos;s \"quoted\"'>z</a>",
            "<a>line1\r\nline2\rline3\nline4</a>",
            "<a>\r\n  <b>  </b>\r\n  <c>\t</c>\n</a>\n\n",
            "<a><![CDATA[<not markup> & ]] ]>\r\n]]></a>",
            "<a>before<![CDATA[inside]]>after&amp;more</a>",
            "<!-- a comment --><?pi some data?><a><!--inner--><?pi?>text<!---->more</a><!-- after --> ",
            "<a>]</a>",
            "<a>]]</a>",
            "<a>snow \u2603 and \uD83D\uDE00 and \u00E9\u00E8</a>",
            "<\u00E9l\u00E9ment attr\u00EF=\"v\u00E0lue\">x</\u00E9l\u00E9ment>",
            "<a xml:lang=\"en\" xml:space=\"default\"><b/></a>",
            "<a\n  b=\"1\"\n  c = '2' ><d\te=\"3\"/></a >",
            "<a:b xmlns:a=\"urn:a\"><a:c>1</a:c></a:b>",
            "<a>   </a>",
            "<a></a>",
            "<a><b><c><d><e>deep</e></d></c></b></a>",
            "<a x=\"&#x20;&#32;\">&#32;</a>",
            "<a>&#x9;&#xA;&#xD;</a>",
            "<a xmlns=\"\"><b xmlns=\"urn:b\"><c xmlns=\"\"/></b></a>",
            "<a>" + new string('x', 70_000) + "</a>",
            "<a>" + string.Concat(Enumerable.Repeat("&amp;x\r\n", 12_000)) + "</a>",
            "<a v=\"" + new string('y', 40_000) + "\">" + new string('\u00E9', 20_000) + "</a>",
            "<a>" + string.Concat(Enumerable.Range(0, 3000).Select(i => "<item id=\"" + i + "\">\u00E9\uD83D\uDE00 " + i + "</item>\n")) + "</a>",
            "<a>" + new string(' ', 70_000) + "<b/>" + new string('\n', 70_000) + "</a>",
            "<a>" + new string(' ', 70_000) + "x</a>",
        };

        public static readonly TheoryData<string> Malformed = new()
        {
            string.Empty,
            "   ",
            "<!-- only a comment -->",
            "<a>x",
            "<a></b>",
            "</a>",
            "<a/><b/>",
            "text<a/>",
            "<a/>text",
            "<a><b></a></b>",
            "<p:a/>",
            "<a p:x=\"1\"/>",
            "<a x=\"1\" x=\"2\"/>",
            "<a xmlns:p=\"urn:p\" xmlns:q=\"urn:p\" p:x=\"1\" q:x=\"2\"/>",
            "<a x=\"<\"/>",
            "<a x=1/>",
            "<a x=\"1\"y=\"2\"/>",
            "<a x/>",
            "<a>&unknown;</a>",
            "<a>&amp</a>",
            "<a>& x</a>",
            "<a>&#0;</a>",
            "<a>&#xD800;</a>",
            "<a>&#xFFFE;</a>",
            "<a>&#12a;</a>",
            "<a>&#x;</a>",
            "<a>\u0001</a>",
            "<a x=\"\u0002\"/>",
            "<a>\uFFFF</a>",
            "<a>]]></a>",
            "<a><!-- a -- b --></a>",
            "<a><!-- a ---></a>",
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
            "<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>",
            " <?xml version=\"1.0\"?><a/>",
            "<a/><?xml version=\"1.0\"?>",
            "<?xml encoding=\"UTF-8\"?><a/>",
            "<1a/>",
            "<a:/>",
            "<:a/>",
            "<a xmlns:p=\"\"/>",
            "<a xmlns:xmlns=\"urn:x\"/>",
            "<a xmlns:xml=\"urn:x\"/>",
            "<a><![CDATA[x]]",
            "<![CDATA[x]]><a/>",
            "<a><!x></a>",
            "<a></a >x",
            "<a></ a>",
            "<a/ >",
            "<a b=\"1\" / >",
        };

        [Theory]
        [MemberData(nameof(WellFormed))]
        public void A_well_formed_document_reads_as_System_Xml_reads_it(string xml)
            => AssertSameAsSystemXml(Encoding.UTF8.GetBytes(xml));

        [Theory]
        [MemberData(nameof(Malformed))]
        public void A_malformed_document_is_refused_where_System_Xml_refuses_it(string xml)
        {
            Outcome reference = AssertSameAsSystemXml(Encoding.UTF8.GetBytes(xml));
            Assert.NotNull(reference.Error);
        }

        [Fact]
        public void Invalid_UTF8_is_refused_with_its_place()
        {
            byte[] bytes = [.. "<a>ok\n"u8, 0xC3, 0x28, .. "</a>"u8];

            Outcome ours = Run(bytes, chunk: 0, ourReader: true);

            Assert.NotNull(ours.Error);
            Assert.Equal(2, ours.Error!.LineNumber);
        }

        [Theory]
        [InlineData("RetrievePropertiesEx-vm-all.xml")]
        [InlineData("RetrievePropertiesEx-host-all.xml")]
        [InlineData("RetrieveServiceContent.xml")]
        [InlineData("Fault-InvalidLogin.xml")]
        public void A_captured_vcsim_response_reads_the_same_in_every_chunking(string fileName)
        {
            byte[] bytes = File.ReadAllBytes(CapturedResponse.PathOf(fileName));

            foreach (int chunk in new[] { 0, 1, 7, 4093 })
            {
                AssertSameAsSystemXml(bytes, chunk);
            }
        }

        [Fact]
        public void Every_captured_vcsim_response_reads_the_same()
        {
            foreach (string path in Directory.GetFiles(Path.GetDirectoryName(CapturedResponse.PathOf("x"))!, "*.xml"))
            {
                AssertSameAsSystemXml(File.ReadAllBytes(path));
            }
        }

        [Fact]
        public void Every_type_of_the_binding_serialized_reads_the_same()
        {
            var builder = new RandomInstanceBuilder(seed: 14);
            foreach (Type type in RandomInstanceBuilder.GeneratedTypes)
            {
                var value = (IVimXmlSerializable)builder.Build(type);
                string xml = VimXmlSerializer.Serialize(value, VimTypeRegistry.Instance);
                AssertSameAsSystemXml(Encoding.UTF8.GetBytes(xml));
            }
        }

        [Fact]
        public void Every_truncation_of_a_document_is_refused_or_read_as_System_Xml_does()
        {
            string xml = "<?xml version=\"1.0\"?>\n<p:a xmlns:p=\"urn:p\" " + Ns + " x='1'>\r\n <b xsi:type=\"xsd:string\">t&amp;\u00E9\uD83D\uDE00</b><![CDATA[c]]><!--n--><c/>\n</p:a>\n";
            byte[] bytes = Encoding.UTF8.GetBytes(xml);
            for (int length = 0; length <= bytes.Length; length++)
            {
                AssertSameAsSystemXml(bytes[..length]);
            }
        }

        [Fact]
        public void Mutated_bytes_are_refused_or_read_as_System_Xml_does()
        {
            byte[] original = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><a " + Ns + " k=\"v&amp;\"><b xsi:type=\"xsd:int\">1</b><c>x&#65;\u00E9</c><![CDATA[d]]><!--e--></a>");
            byte[] replacements = "<>&;/=\"':!?[]x#- \r\n\0"u8.ToArray();
            var random = new Random(Seed);
            for (int round = 0; round < Rounds; round++)
            {
                byte[] bytes = (byte[])original.Clone();
                int mutations = 1 + random.Next(3);
                for (int m = 0; m < mutations; m++)
                {
                    bytes[random.Next(bytes.Length)] = random.Next(4) == 0 ? (byte)random.Next(256) : replacements[random.Next(replacements.Length)];
                }

                AssertSameAsSystemXml(bytes, samePlace: false);
            }
        }

        [Fact]
        public void The_factory_reads_UTF8_itself_and_other_encodings_with_System_Xml()
        {
            using XmlReader utf8 = VimXmlSerializer.CreateReader(new MemoryStream("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>"u8.ToArray()));
            using XmlReader undeclared = VimXmlSerializer.CreateReader(new MemoryStream("<a/>"u8.ToArray()));
            byte[] latin1 = [.. "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>"u8, 0xE9, .. "</a>"u8];
            using XmlReader declared = VimXmlSerializer.CreateReader(new MemoryStream(latin1));
            using XmlReader utf16 = VimXmlSerializer.CreateReader(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<a>\u00E9</a>")).ToArray()));

            Assert.IsType<Utf8XmlReader>(utf8);
            Assert.IsType<Utf8XmlReader>(undeclared);
            Assert.IsNotType<Utf8XmlReader>(declared);
            Assert.IsNotType<Utf8XmlReader>(utf16);
            declared.MoveToContent();
            utf16.MoveToContent();
            Assert.Equal("\u00E9", declared.ReadElementContentAsString());
            Assert.Equal("\u00E9", utf16.ReadElementContentAsString());
        }

        [Fact]
        public void Many_attributes_are_checked_for_duplicates_as_System_Xml_checks_them()
        {
            string distinct = string.Concat(Enumerable.Range(0, 20_000).Select(i => " a" + i + "=\"" + i + "\""));
            AssertSameAsSystemXml(Encoding.UTF8.GetBytes("<a" + distinct + "/>"));
            AssertSameAsSystemXml(Encoding.UTF8.GetBytes("<a" + distinct + " a19999=\"again\"/>"));
            AssertSameAsSystemXml(Encoding.UTF8.GetBytes("<a xmlns:p=\"urn:p\" xmlns:q=\"urn:p\"" + distinct + " p:x=\"1\" q:x=\"2\"/>"));
        }

        [Fact]
        public void Too_many_namespaces_in_scope_are_refused_with_a_clear_error()
        {
            string declarations = string.Concat(Enumerable.Range(0, Utf8XmlReader.MaxNamespacesInScope + 1).Select(i => " xmlns:p" + i + "=\"urn:" + i + "\""));
            using XmlReader reader = VimXmlSerializer.CreateReader(new MemoryStream(Encoding.UTF8.GetBytes("<a" + declarations + "/>")));

            var ex = Assert.Throws<XmlException>(() => reader.Read());

            Assert.Contains("namespaces in scope", ex.Message, StringComparison.Ordinal);
            Assert.Equal(1, ex.LineNumber);
        }

        [Fact]
        public void The_document_cap_is_kept()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("<a>" + new string('x', 5000) + "</a>");
            using XmlReader reader = VimXmlSerializer.CreateReader(new MemoryStream(bytes), maxCharactersInDocument: 1000);

            var ex = Assert.Throws<XmlException>(() =>
            {
                while (reader.Read())
                {
                }
            });

            Assert.Contains("MaxCharactersInDocument", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_long_value_is_handed_out_in_chunks_without_splitting_a_surrogate_pair()
        {
            string text = string.Concat(Enumerable.Repeat("ab\uD83D\uDE00&\r\n", 40_000));
            string xml = "<a>" + text.Replace("&", "&amp;", StringComparison.Ordinal) + "</a>";
            using var reader = new Utf8XmlReader(new MemoryStream(Encoding.UTF8.GetBytes(xml)), 0, closeInput: false);
            reader.Read();
            reader.Read();
            var collected = new StringBuilder();
            char[] buffer = new char[5];
            int read;
            while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                Assert.False(char.IsHighSurrogate(buffer[read - 1]), "a chunk ended inside a surrogate pair");
                collected.Append(buffer, 0, read);
            }

            Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), collected.ToString());
            Assert.True(reader.Read());
            Assert.Equal(XmlNodeType.EndElement, reader.NodeType);
        }

        private static Outcome AssertSameAsSystemXml(byte[] bytes, int chunk = 0, bool samePlace = true)
        {
            Outcome reference = Run(bytes, chunk, ourReader: false);
            Outcome ours = Run(bytes, chunk, ourReader: true);
            if (bytes.Length < 4)
            {
                // System.Xml needs four bytes to guess an encoding and calls anything shorter invalid data.
                Assert.Equal(reference.Error is null, ours.Error is null);
                return reference;
            }

            string document = bytes.Length <= 300 ? Escape(Encoding.UTF8.GetString(bytes)) + " (" + Convert.ToHexString(bytes.AsSpan(0, Math.Min(8, bytes.Length))) + "...)" : bytes.Length + " bytes";
            int same = 0;
            while (same < Math.Min(reference.Nodes.Count, ours.Nodes.Count) && reference.Nodes[same] == ours.Nodes[same])
            {
                same++;
            }

            // Bytes that are not UTF-8 are found when decoded: System.Xml decodes further ahead, so it may report fewer nodes first.
            bool bothNotUtf8 = IsEncodingError(reference.Error) && IsEncodingError(ours.Error);
            if (bothNotUtf8 ? same < Math.Min(reference.Nodes.Count, ours.Nodes.Count) : same < reference.Nodes.Count || same < ours.Nodes.Count)
            {
                Assert.Fail("Document " + document + "\nnode " + same + ": System.Xml " + (same < reference.Nodes.Count ? reference.Nodes[same] : "(none: " + reference.Error?.Message + ")")
                    + "\nours " + (same < ours.Nodes.Count ? ours.Nodes[same] : "(none: " + ours.Error?.Message + ")"));
            }

            if ((reference.Error is null) != (ours.Error is null))
            {
                Assert.Fail("Document " + document + "\nSystem.Xml: " + (reference.Error?.Message ?? "read") + "\nours: " + (ours.Error?.Message ?? "read"));
            }

            if (ours.Error is not null)
            {
                Assert.True(ours.Error.LineNumber > 0 && ours.Error.LinePosition > 0, "no place in: " + ours.Error.Message);
            }

            // A mutated document can be refused for more than one reason; System.Xml and EsxSdk may name another first.
            if (samePlace && !bothNotUtf8 && reference.Error is not null && reference.Error.LineNumber > 0)
            {
                Assert.True(reference.Error.LineNumber == ours.Error!.LineNumber, "Document " + document + "\nSystem.Xml: " + reference.Error.Message + "\nours: " + ours.Error.Message);
            }

            return reference;
        }

        private static bool IsEncodingError(XmlException? error) => error?.Message.Contains("Invalid character in the given encoding", StringComparison.Ordinal) == true;

        private static Outcome Run(byte[] bytes, int chunk, bool ourReader)
        {
            Stream stream = chunk > 0 ? new TrickleStream(bytes, chunk) : new MemoryStream(bytes);
            using XmlReader reader = ourReader
                ? VimXmlSerializer.CreateReader(stream)
                : XmlReader.Create(stream, VimXmlSerializer.CreateReaderSettings());
            var nodes = new List<string>();
            try
            {
                while (reader.Read())
                {
                    nodes.Add(Describe(reader));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            nodes.Add("  @" + Describe(reader));
                            while (reader.ReadAttributeValue())
                            {
                                nodes.Add("    " + Describe(reader));
                            }
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }
                }

                return new Outcome(nodes, null);
            }
            catch (XmlException ex)
            {
                return new Outcome(nodes, ex);
            }
        }

        private static string Describe(XmlReader reader)
        {
            var info = (IXmlLineInfo)reader;
            string value = reader.HasValue ? Escape(reader.Value) : "-";

            // System.Xml reports white space longer than its buffer as Text; both kinds read the same.
            string kind = reader.NodeType is XmlNodeType.Whitespace or XmlNodeType.Text && reader.Value.Length > 4096 && string.IsNullOrWhiteSpace(reader.Value)
                ? "Text or Whitespace"
                : reader.NodeType.ToString();
            return $"{kind} {reader.Name}|{reader.Prefix}|{reader.LocalName}|{reader.NamespaceURI} depth {reader.Depth} empty {reader.IsEmptyElement} value {value} at {info.LineNumber},{info.LinePosition}";
        }

        private static string Escape(string value)
        {
            string shown = value.Length > 80 ? value[..40] + "..(" + value.Length + ")..." + value[^40..] : value;
            return shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        }

        private sealed record Outcome(List<string> Nodes, XmlException? Error);
    }
}
