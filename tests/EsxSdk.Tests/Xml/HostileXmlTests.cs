using System;
using System.IO;
using System.Linq;
using System.Text;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Xml
{
    /// <summary>Malformed and hostile input: a clear VimXmlException naming what and where, never a crash or a hang.</summary>
    public sealed class HostileXmlTests
    {
        private const string Ns = "xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

        [Fact]
        public void A_DTD_with_entity_expansion_is_refused_before_any_expansion()
        {
            string laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <obj xmlns="urn:vim25"><name>&lol4;</name></obj>
                """;

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(laughs, VimTypeRegistry.Instance));

            Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("set the DtdProcessing", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_external_entity_is_never_resolved()
        {
            string xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE obj [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <obj xmlns="urn:vim25"><name>&xxe;</name></obj>
                """;

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(xxe, VimTypeRegistry.Instance));

            Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE obj [ <!ENTITY a \"b\"> ]>\n<obj xmlns=\"urn:vim25\"/>", 2)]
        [InlineData("<?xml version=\"1.0\"?>\n\n<!DOCTYPE obj [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<obj xmlns=\"urn:vim25\"><name>&xxe;</name></obj>", 3)]
        public void A_DTD_or_an_external_entity_names_the_line_and_position_of_the_declaration(string xml, int line)
        {
            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(xml, VimTypeRegistry.Instance));

            Assert.Equal(line, ex.LineNumber);
            Assert.True(ex.LinePosition > 0, "position " + ex.LinePosition);
            Assert.Contains("line " + line, ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \n  ")]
        [InlineData("<!-- only a comment -->")]
        public void An_empty_document_names_a_place(string xml)
        {
            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(xml, VimTypeRegistry.Instance));

            Assert.True(ex.LineNumber > 0 && ex.LinePosition > 0, ex.Message);
        }

        [Fact]
        public void A_known_xsi_type_that_is_not_a_subtype_of_the_declared_type_names_both()
        {
            string xml = "<obj " + Ns + " xsi:type=\"VirtualMachineConfigSpec\"><name>web01</name></obj>";

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(xml, VimTypeRegistry.Instance));

            Assert.Contains("'VirtualMachineConfigSpec'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'AboutInfo'", ex.Message, StringComparison.Ordinal);
            Assert.Equal(1, ex.LineNumber);
        }

        [Fact]
        public void An_unknown_xsi_type_still_reads_as_the_declared_type()
        {
            string xml = "<obj " + Ns + " xsi:type=\"AboutInfoFromVim99\"><name>esx</name></obj>";

            AboutInfo about = VimXmlSerializer.Deserialize<AboutInfo>(xml, VimTypeRegistry.Instance);

            Assert.Equal("esx", about.Name);
        }

        [Fact]
        public void The_nesting_limit_applies_inside_skipped_unknown_elements()
        {
            string deep = string.Concat(Enumerable.Repeat("<x>", 500)) + string.Concat(Enumerable.Repeat("</x>", 500));
            string xml = "<obj " + Ns + "><name>esx</name><unknownMember>" + deep + "</unknownMember></obj>";

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(xml, VimTypeRegistry.Instance));

            Assert.Contains("deeper than " + VimXmlReader.DefaultMaxDepth, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_skipped_unknown_element_within_the_limit_reads_on()
        {
            string xml = "<obj " + Ns + "><unknownMember><a><b>1</b></a><c/></unknownMember><name>esx</name></obj>";

            AboutInfo about = VimXmlSerializer.Deserialize<AboutInfo>(xml, VimTypeRegistry.Instance);

            Assert.Equal("esx", about.Name);
        }

        [Fact]
        public void Truncated_input_names_the_line_and_position_where_it_ends()
        {
            string truncated = "<obj " + Ns + ">\n<name>esx</name>\n<fullName>VMware ESXi";

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(truncated, VimTypeRegistry.Instance));

            Assert.StartsWith("The XML cannot be read", ex.Message, StringComparison.Ordinal);
            Assert.Equal(3, ex.LineNumber);
            Assert.IsType<System.Xml.XmlException>(ex.InnerException);
        }

        [Fact]
        public void Deep_nesting_is_refused_at_the_depth_limit_without_exhausting_the_stack()
        {
            // LocalizedMethodFault -> fault -> faultCause -> fault ... 100,000 levels: recursion would overflow the stack.
            const int Levels = 100_000;
            var xml = new StringBuilder("<obj " + Ns + " xsi:type=\"LocalizedMethodFault\">");
            for (int i = 0; i < Levels; i++)
            {
                xml.Append("<fault xsi:type=\"SystemError\"><faultCause>");
            }

            for (int i = 0; i < Levels; i++)
            {
                xml.Append("</faultCause></fault>");
            }

            xml.Append("</obj>");

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<LocalizedMethodFault>(xml.ToString(), VimTypeRegistry.Instance));

            Assert.Contains("deeper than " + VimXmlReader.DefaultMaxDepth, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Nesting_within_the_limit_reads()
        {
            var xml = new StringBuilder("<obj " + Ns + " xsi:type=\"LocalizedMethodFault\">");
            for (int i = 0; i < 20; i++)
            {
                xml.Append("<fault xsi:type=\"SystemError\"><faultCause>");
            }

            xml.Append(string.Concat(Enumerable.Repeat("</faultCause></fault>", 20))).Append("</obj>");

            LocalizedMethodFault fault = VimXmlSerializer.Deserialize<LocalizedMethodFault>(xml.ToString(), VimTypeRegistry.Instance);

            int depth = 0;
            for (LocalizedMethodFault? current = fault; current?.Fault is { } inner; current = inner.FaultCause)
            {
                Assert.IsType<SystemError>(inner);
                depth++;
            }

            Assert.Equal(20, depth);
        }

        [Fact]
        public void A_document_over_the_size_cap_is_refused_with_bounded_memory()
        {
            // 64 MiB of characters streamed against a 1 MiB cap: the reader stops at the cap.
            using var stream = new RepeatingStream("<obj " + Ns + "><name>", "x", "</name></obj>", 64L * 1024 * 1024);
            long before = GC.GetAllocatedBytesForCurrentThread();

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(stream, VimTypeRegistry.Instance, maxCharactersInDocument: 1024 * 1024));

            Assert.Contains("MaxCharactersInDocument", ex.Message, StringComparison.Ordinal);
            Assert.True(stream.Position < 8L * 1024 * 1024, "the reader kept reading past the cap");
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024, "reading allocated as much as the whole input");
        }

        [Fact]
        public void An_html_error_page_is_not_mistaken_for_vim25_xml()
        {
            string html = "<html><head><title>503 Service Unavailable</title></head><body><p>down</body></html>";

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(html, VimTypeRegistry.Instance));

            Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("<numCPUs>many</numCPUs>", "numCPUs", "many", "xsd:int")]
        [InlineData("<numCPUs>99999999999</numCPUs>", "numCPUs", "99999999999", "xsd:int")]
        [InlineData("<cpuHotAddEnabled>yes</cpuHotAddEnabled>", "cpuHotAddEnabled", "yes", "xsd:boolean")]
        public void An_invalid_primitive_value_names_the_element_the_value_and_the_type(string element, string name, string value, string type)
        {
            string xml = "<obj " + Ns + ">\n" + element + "</obj>";

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<VirtualMachineConfigSpec>(xml, VimTypeRegistry.Instance));

            Assert.Contains("'" + name + "'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'" + value + "'", ex.Message, StringComparison.Ordinal);
            Assert.Contains(type, ex.Message, StringComparison.Ordinal);
            Assert.Equal(2, ex.LineNumber);
        }

        [Fact]
        public void Elements_inside_a_string_member_are_a_clear_error()
        {
            string xml = "<obj " + Ns + "><name><b>bold</b></name></obj>";

            var ex = Assert.Throws<VimXmlException>(() => VimXmlSerializer.Deserialize<AboutInfo>(xml, VimTypeRegistry.Instance));

            Assert.Equal(1, ex.LineNumber);
        }

        /// <summary>A stream of prefix + body * n + suffix that never holds it all in memory.</summary>
        private sealed class RepeatingStream : Stream
        {
            private readonly byte[] prefix;
            private readonly byte body;
            private readonly byte[] suffix;
            private readonly long length;
            private long position;

            public RepeatingStream(string prefix, string body, string suffix, long bodyLength)
            {
                this.prefix = Encoding.UTF8.GetBytes(prefix);
                this.body = (byte)body[0];
                this.suffix = Encoding.UTF8.GetBytes(suffix);
                this.length = this.prefix.Length + bodyLength + this.suffix.Length;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => this.length;

            public override long Position { get => this.position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int written = 0;
                while (written < count && this.position < this.length)
                {
                    long suffixStart = this.length - this.suffix.Length;
                    buffer[offset + written++] = this.position < this.prefix.Length
                        ? this.prefix[this.position]
                        : this.position >= suffixStart ? this.suffix[this.position - suffixStart] : this.body;
                    this.position++;
                }

                return written;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
