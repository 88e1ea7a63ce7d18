using System;
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
    /// VimXmlReader stops asking XmlReader.Create's reader for more of a value when a chunk comes back short (by two or
    /// more characters): that reader only does so at the end of the value. These tests pin that behaviour of the runtime's
    /// reader, so an upgrade that changes it fails here instead of cutting values short, and check the values themselves.
    /// </summary>
    public sealed class ValueChunkTests
    {
        private const string Surrogates = "\U0001F600"; // one character outside the BMP: a surrogate pair

        /// <summary>Lengths around the reader's own 4K buffer and VimXmlReader's 256-character first buffer.</summary>
        private static readonly int[] Lengths = [0, 1, 2, 254, 255, 256, 257, 511, 512, 513, 4093, 4094, 4095, 4096, 4097, 8191, 8193, 20_000];

        [Fact]
        public void XmlReader_Create_still_returns_the_reader_whose_short_chunks_end_the_value()
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream("<a/>"u8.ToArray()), VimXmlSerializer.CreateReaderSettings());

            // If this fails, the runtime renamed its reader: values stay correct (every reader gets the closing call), only slower.
            Assert.Equal("System.Xml.XmlTextReaderImpl", reader.GetType().FullName);
        }

        [Fact]
        public void A_chunk_two_or_more_short_of_the_space_asked_for_is_the_last_of_the_value()
        {
            foreach (string value in Values())
            {
                foreach (int space in new[] { 2, 3, 7, 256, 4096, 9000 })
                {
                    foreach (bool inAttribute in new[] { false, true })
                    {
                        string escaped = System.Security.SecurityElement.Escape(value)!;
                        string xml = inAttribute ? "<a v=\"" + escaped + "\"/>" : "<a>" + escaped + "</a>";
                        using XmlReader reader = XmlReader.Create(new StringReader(xml), VimXmlSerializer.CreateReaderSettings());
                        reader.MoveToContent();
                        if (inAttribute)
                        {
                            reader.MoveToAttribute("v");
                        }
                        else if (!reader.Read())
                        {
                            continue;
                        }

                        if (value.Length == 0 && !inAttribute)
                        {
                            continue; // <a></a> has no text node
                        }

                        var read = new StringBuilder();
                        char[] buffer = new char[space];
                        while (true)
                        {
                            int count = reader.ReadValueChunk(buffer, 0, space);
                            read.Append(buffer, 0, count);
                            if (count < space - 1)
                            {
                                Assert.Equal(0, reader.ReadValueChunk(buffer, 0, space));
                                break;
                            }
                        }

                        Assert.Equal(value, read.ToString());
                    }
                }
            }
        }

        [Theory]
        [InlineData("XmlReader.Create")]
        [InlineData("WCF text reader")]
        public void Strings_and_attributes_keep_every_character_across_buffer_and_chunk_boundaries(string kind)
        {
            foreach (string value in Values())
            {
                string escaped = System.Security.SecurityElement.Escape(value)!;
                string xml = "<obj xmlns=\"urn:vim25\"><name>" + escaped + "</name><version>" + escaped + "</version></obj>";
                AboutInfo about = Read<AboutInfo>(kind, xml);
                Assert.Equal(value, about.Name);
                Assert.Equal(value, about.Version);

                // A reference's type is an attribute, read through the same buffer.
                string reference = "<obj xmlns=\"urn:vim25\" type=\"" + escaped + "\">vm-1</obj>";
                Assert.Equal(value, Read<ManagedObjectReference>(kind, reference).Type);
            }
        }

        /// <summary>Values of each length, plain, with a surrogate pair at every place near a boundary, and with entities.</summary>
        private static string[] Values()
        {
            return Lengths.SelectMany(length =>
            {
                string plain = new('x', length);
                var withPairs = new[] { length - 2, length - 3, 253, 254, 255, 4093, 4094, 4095 }
                    .Where(at => at >= 0 && at + 2 <= length)
                    .Select(at => plain[..at] + Surrogates + plain[(at + 2)..]);
                string entities = string.Concat(Enumerable.Repeat("<&>", length / 3)).PadRight(length, 'y');
                return new[] { plain, entities }.Concat(withPairs);
            }).Distinct().ToArray();
        }

        private static T Read<T>(string kind, string xml)
            where T : class, IVimXmlSerializable, new()
        {
            if (kind == "XmlReader.Create")
            {
                return VimXmlSerializer.Deserialize<T>(new MemoryStream(Encoding.UTF8.GetBytes(xml)), VimTypeRegistry.Instance);
            }

            using XmlDictionaryReader wcf = XmlDictionaryReader.CreateTextReader(Encoding.UTF8.GetBytes(xml), XmlDictionaryReaderQuotas.Max);
            return VimXmlSerializer.Deserialize<T>(wcf, VimTypeRegistry.Instance);
        }
    }
}
