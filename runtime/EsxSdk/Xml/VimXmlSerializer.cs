using System;
using System.IO;
using System.Text;
using System.Xml;

namespace EsxSdk.Xml
{
    /// <summary>Entry points for reading and writing one vim25 object as an XML document.</summary>
    public static class VimXmlSerializer
    {
        /// <summary>The default cap on a document's size in characters (256 Mi): bounded memory for hostile input.</summary>
        public const long DefaultMaxCharactersInDocument = 256L * 1024 * 1024;

        /// <summary>Reader settings for untrusted vim25 XML: no DTD, no external resolution, a size cap.</summary>
        public static XmlReaderSettings CreateReaderSettings(long maxCharactersInDocument = DefaultMaxCharactersInDocument) => new()
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharactersInDocument,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // Whitespace is kept: a string member of spaces is data; element-only content skips it anyway.
            IgnoreWhitespace = false,
            CheckCharacters = true,
        };

        /// <summary>
        /// A reader for untrusted vim25 XML from a stream, as the transport reads responses: EsxSdk's UTF-8 reader for UTF-8
        /// documents (about twice as fast as System.Xml's), System.Xml's with <see cref="CreateReaderSettings"/> for other
        /// encodings. Both refuse DTDs, expand only the predefined entities and cap the document's characters. The AppContext
        /// switch <c>EsxSdk.Xml.UseSystemXmlReader</c> makes it System.Xml's for every document.
        /// </summary>
        public static XmlReader CreateReader(Stream xml, long maxCharactersInDocument = DefaultMaxCharactersInDocument)
            => Reader.VimXmlReaderFactory.Create(xml, maxCharactersInDocument);

        /// <summary>Writer settings that keep every character of string values (carriage returns are entitized).</summary>
        public static XmlWriterSettings CreateWriterSettings() => new()
        {
            OmitXmlDeclaration = true,
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
        };

        /// <summary>Writes <paramref name="value"/> as a document element named <paramref name="elementName"/>, always with its xsi:type.</summary>
        public static string Serialize(IVimXmlSerializable value, IVimTypeRegistry registry, string elementName = "obj")
        {
            ArgumentNullException.ThrowIfNull(value);
            var builder = new StringBuilder();
            using (var xml = XmlWriter.Create(builder, CreateWriterSettings()))
            {
                Serialize(xml, value, registry, elementName);
            }

            return builder.ToString();
        }

        /// <summary>Writes <paramref name="value"/> as an element, declaring the xsi and xsd prefixes on it.</summary>
        public static void Serialize(XmlWriter writer, IVimXmlSerializable value, IVimTypeRegistry registry, string elementName)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(value);
            ArgumentNullException.ThrowIfNull(registry);
            writer.WriteStartElement(elementName, registry.Namespace);
            writer.WriteAttributeString("xmlns", "xsi", null, VimXmlNamespaces.XmlSchemaInstance);
            writer.WriteAttributeString("xmlns", "xsd", null, VimXmlNamespaces.XmlSchema);
            writer.WriteStartAttribute("xsi", "type", VimXmlNamespaces.XmlSchemaInstance);
            writer.WriteQualifiedName(value.XmlTypeName, registry.Namespace);
            writer.WriteEndAttribute();
            value.WriteXml(new VimXmlWriter(writer, registry));
            writer.WriteEndElement();
        }

        /// <summary>Reads a document whose root element holds a <typeparamref name="T"/> (or a subtype, by xsi:type).</summary>
        public static T Deserialize<T>(string xml, IVimTypeRegistry registry)
            where T : class, IVimXmlSerializable, new()
        {
            ArgumentNullException.ThrowIfNull(xml);
            using var reader = XmlReader.Create(new StringReader(xml), CreateReaderSettings());
            return DeserializeGuarded<T>(reader, registry, () => xml);
        }

        /// <summary>Reads a document from a stream (UTF-8 or as declared).</summary>
        public static T Deserialize<T>(Stream xml, IVimTypeRegistry registry, long maxCharactersInDocument = DefaultMaxCharactersInDocument)
            where T : class, IVimXmlSerializable, new()
        {
            ArgumentNullException.ThrowIfNull(xml);
            long start = xml.CanSeek ? xml.Position : -1;
            using var reader = CreateReader(xml, maxCharactersInDocument);
            return DeserializeGuarded<T>(reader, registry, () => start < 0 ? null : ReadPrologBack(xml, start));
        }

        /// <summary>Reads the element the reader is on (or the document element) as a <typeparamref name="T"/>.</summary>
        public static T Deserialize<T>(XmlReader reader, IVimTypeRegistry registry)
            where T : class, IVimXmlSerializable, new()
            => DeserializeGuarded<T>(reader, registry, null);

        /// <summary>Reads the document element; <paramref name="text"/> gives the document's text (or its start) to place errors the reader cannot.</summary>
        private static T DeserializeGuarded<T>(XmlReader reader, IVimTypeRegistry registry, Func<string?>? text)
            where T : class, IVimXmlSerializable, new()
        {
            ArgumentNullException.ThrowIfNull(reader);
            ArgumentNullException.ThrowIfNull(registry);
            return Guard(
                reader,
                () =>
                {
                    if (reader.MoveToContent() != XmlNodeType.Element)
                    {
                        (int line, int position) = Where(reader, null, text);
                        throw new VimXmlException("The XML has no root element", line, position);
                    }

                    string declared = ((IVimXmlSerializable)new T()).XmlTypeName;
                    return new VimXmlReader(reader, registry).ReadObject<T>(declared);
                },
                text);
        }

        /// <summary>Turns the reader's own errors into a <see cref="VimXmlException"/> that says what and where.</summary>
        internal static TResult Guard<TResult>(XmlReader reader, Func<TResult> read, Func<string?>? text = null)
        {
            try
            {
                return read();
            }
            catch (XmlException ex)
            {
                string what = ex.Message.Contains("DTD", StringComparison.Ordinal)
                    ? "The XML contains a DTD, which vim25 XML never has and EsxSdk refuses"
                    : "The XML cannot be read: " + ex.Message;
                (int line, int position) = Where(reader, ex, text);
                throw new VimXmlException(what, line, position, ex);
            }
        }

        /// <summary>The most of a stream's start read back to place a prolog error (a DTD is in the prolog).</summary>
        private const int MaxPrologChars = 64 * 1024;

        /// <summary>
        /// Where an error is: the exception's place, else the reader's. Neither knows one for a refused DTD or a missing root
        /// element: then the document text places it (the DOCTYPE, or the end of a document without root), else line 1.
        /// </summary>
        internal static (int Line, int Position) Where(XmlReader reader, XmlException? error, Func<string?>? text)
        {
            if (error is { LineNumber: > 0 })
            {
                return (error.LineNumber, error.LinePosition);
            }

            if (reader is IXmlLineInfo { LineNumber: > 0 } info)
            {
                return (info.LineNumber, info.LinePosition);
            }

            if (text?.Invoke() is { } document)
            {
                int doctype = document.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
                return PlaceOf(document, doctype >= 0 ? doctype : document.Length);
            }

            return (1, 1);
        }

        private static (int Line, int Position) PlaceOf(string text, int index)
        {
            int line = 1;
            int lineStart = 0;
            for (int i = text.IndexOf('\n'); i >= 0 && i < index; i = text.IndexOf('\n', i + 1))
            {
                line++;
                lineStart = i + 1;
            }

            return (line, index - lineStart + 1);
        }

        /// <summary>The start of a seekable stream (at most <see cref="MaxPrologChars"/>), read again after an error; null if it cannot be.</summary>
        private static string? ReadPrologBack(Stream stream, long start)
        {
            try
            {
                stream.Position = start;
                using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
                char[] buffer = new char[MaxPrologChars];
                return new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
            }
            catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException)
            {
                return null;
            }
        }
    }
}
