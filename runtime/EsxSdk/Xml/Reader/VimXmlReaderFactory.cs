using System;
using System.IO;
using System.Text;
using System.Xml;

namespace EsxSdk.Xml.Reader
{
    /// <summary>
    /// Chooses the reader for a response: EsxSdk's UTF-8 reader when the document is UTF-8 (what vSphere and vcsim send),
    /// System.Xml's reader with <see cref="VimXmlSerializer.CreateReaderSettings"/> for any other encoding, or for every
    /// document when the AppContext switch <c>EsxSdk.Xml.UseSystemXmlReader</c> is on.
    /// </summary>
    internal static class VimXmlReaderFactory
    {
        internal const string UseSystemXmlReaderSwitch = "EsxSdk.Xml.UseSystemXmlReader";

        /// <summary>The most of a document's start read to find its encoding (a BOM, or the XML declaration's).</summary>
        private const int MaxSniffBytes = 1024;

        public static XmlReader Create(Stream stream, long maxCharactersInDocument, bool closeInput = false)
        {
            ArgumentNullException.ThrowIfNull(stream);
            if (AppContext.TryGetSwitch(UseSystemXmlReaderSwitch, out bool useSystem) && useSystem)
            {
                return CreateSystemReader(stream, maxCharactersInDocument, closeInput);
            }

            byte[] start = ReadStart(stream);
            return IsUtf8(start)
                ? new Utf8XmlReader(stream, maxCharactersInDocument, closeInput, start)
                : CreateSystemReader(new ReplayStream(start, stream, closeInput), maxCharactersInDocument, closeInput);
        }

        private static XmlReader CreateSystemReader(Stream stream, long maxCharactersInDocument, bool closeInput)
        {
            XmlReaderSettings settings = VimXmlSerializer.CreateReaderSettings(maxCharactersInDocument);
            settings.CloseInput = closeInput;
            return XmlReader.Create(stream, settings);
        }

        /// <summary>The document's first bytes: up to the end of an XML declaration, or enough to see there is none.</summary>
        private static byte[] ReadStart(Stream stream)
        {
            byte[] buffer = new byte[MaxSniffBytes];
            int length = 0;
            while (length < buffer.Length)
            {
                int read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                ReadOnlySpan<byte> seen = buffer.AsSpan(0, length);
                if (length >= 8 && !WithoutUtf8Bom(seen).StartsWith("<?xml"u8))
                {
                    break; // no declaration: the BOM (or its absence) decides
                }

                if (seen.IndexOf("?>"u8) >= 0)
                {
                    break;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }

        /// <summary>True when the start is UTF-8: no other BOM, no zero bytes of UTF-16/32, a declared encoding (if any) UTF-8.</summary>
        internal static bool IsUtf8(ReadOnlySpan<byte> start)
        {
            if (start.StartsWith(Utf8Bom))
            {
                start = WithoutUtf8Bom(start);
            }
            else if (start.Length >= 2 && (start[0] is 0xFE or 0xFF or 0x00 || start[1] == 0x00))
            {
                return false;
            }

            if (!start.StartsWith("<?xml"u8))
            {
                return true;
            }

            int close = start.IndexOf("?>"u8);
            if (close < 0)
            {
                return false; // a declaration longer than the sniffed start: let System.Xml judge it
            }

            string declaration = Encoding.ASCII.GetString(start[..close]);
            int encoding = declaration.IndexOf("encoding", StringComparison.Ordinal);
            if (encoding < 0)
            {
                return true;
            }

            int quote = declaration.IndexOfAny(['"', '\''], encoding);
            int closing = quote < 0 ? -1 : declaration.IndexOf(declaration[quote], quote + 1);
            return closing > quote && Utf8XmlReader.IsUtf8Name(declaration[(quote + 1)..closing]);
        }

        private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

        private static ReadOnlySpan<byte> WithoutUtf8Bom(ReadOnlySpan<byte> start) => start.StartsWith(Utf8Bom) ? start[Utf8Bom.Length..] : start;

        /// <summary>A stream that gives back the bytes already read from its start, then the rest of the stream.</summary>
        private sealed class ReplayStream(byte[] start, Stream rest, bool closeRest) : Transport.ReadOnlyStream
        {
            private int offset;

            public override int Read(byte[] buffer, int index, int count) => this.Read(buffer.AsSpan(index, count));

            public override int Read(Span<byte> buffer)
            {
                if (this.offset < start.Length)
                {
                    int take = Math.Min(buffer.Length, start.Length - this.offset);
                    start.AsSpan(this.offset, take).CopyTo(buffer);
                    this.offset += take;
                    return take;
                }

                return rest.Read(buffer);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing && closeRest)
                {
                    rest.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
