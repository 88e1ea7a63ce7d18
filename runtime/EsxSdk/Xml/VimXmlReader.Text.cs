using System;
using System.Text;
using System.Xml;

namespace EsxSdk.Xml
{
    /// <summary>
    /// Text and attribute values copied into one buffer the reader reuses (<see cref="XmlReader.ReadValueChunk"/>), so
    /// values that end up as numbers, booleans, enumeration values or type names cost no string each.
    /// </summary>
    public sealed partial class VimXmlReader
    {
        private const int InitialTextBufferLength = 256;

        /// <summary>A string value longer than this moves from the buffer to a StringBuilder in pieces (see <see cref="ReadString"/>).</summary>
        private const int SpillTextLength = 32 * 1024;

        /// <summary>Type names, prefixes and enumeration values seen in this document, one string each (a private table: the reader's may have a quota).</summary>
        private readonly NameTable atoms = new();

        /// <summary>Slots of the recently atomized values (a power of two).</summary>
        private const int RecentAtomSlots = 64;

        /// <summary>The last atomized value of each slot, found without the NameTable's hashing.</summary>
        private readonly string?[] recentAtoms = new string?[RecentAtomSlots];

        /// <summary>
        /// The name of the reader <see cref="XmlReader.Create(System.IO.Stream, XmlReaderSettings)"/> returns. Its ReadValueChunk
        /// returns fewer characters than asked only at the end of the value, or one fewer to keep a surrogate pair whole
        /// (tests/EsxSdk.Tests/Xml/ValueChunkTests pin this); other readers may stop short mid-value.
        /// </summary>
        private const string PlainTextReaderTypeName = "System.Xml.XmlTextReaderImpl";

        /// <summary>
        /// True when a short chunk is known to end the value: the closing ReadValueChunk call that returns 0 is skipped, about
        /// a tenth of a decode (it sets up the reader's incremental state again, and the next Read() unwinds it).
        /// </summary>
        private readonly bool shortChunkEndsValue;

        /// <summary>Whether the reader hands out value chunks (asked once: it is a property of the reader's kind, asked per value otherwise).</summary>
        private readonly bool canReadValueChunk;

        private char[] textBuffer = new char[InitialTextBufferLength];

        /// <summary>The start of the string value being read when it outgrew <see cref="SpillTextLength"/>, else null.</summary>
        private StringBuilder? spilledText;

        /// <summary>An AppContext switch that makes every string value a string of its own, as before sharing (for measurements only).</summary>
        private const string CopyEveryStringSwitch = "EsxSdk.Xml.CopyEveryString";

        /// <summary>Short string values this reader made, so repeats share one string (made with the first string value).</summary>
        private RecentStrings? recentStrings;

        /// <summary>
        /// Reads xsd:string (and xsd:anyURI). The text goes through the reused buffer, so a value costs its string alone;
        /// a long one is collected in a StringBuilder's pieces instead of a buffer doubled again and again (a 50 MB value
        /// costs about twice its size, not four to six times). A short value equal to one read shortly before returns that
        /// one's string (<see cref="RecentStrings"/>): a response's repeated labels and names cost the graph one copy.
        /// </summary>
        public string ReadString()
        {
            if (this.recentStrings is { } recent && this.fastReader is { } utf8 && utf8.TryReadElementText(out ReadOnlySpan<char> plain))
            {
                // The common case once a first string was made: from EsxSdk's reader into the shared strings, with no copy between.
                string value = recent.GetOrAdd(plain);
                this.reader.Read();
                return value;
            }

            this.spilledText = null;
            ReadOnlySpan<char> chars = this.ReadText(spill: true).Chars;
            if (this.spilledText is { } start)
            {
                this.spilledText = null;
                return start.Append(chars).ToString();
            }

            if (chars.IsEmpty)
            {
                return string.Empty;
            }

            if (this.recentStrings is null)
            {
                // The switch is asked when a reader first makes a string, not for every reader: most small responses make none.
                if (AppContext.TryGetSwitch(CopyEveryStringSwitch, out bool copy) && copy)
                {
                    return chars.ToString();
                }

                this.recentStrings = new RecentStrings();
            }

            return this.recentStrings.GetOrAdd(chars);
        }

        /// <summary>
        /// The current element's text (what ReadElementContentAsString returns), in the reader's buffer until the next
        /// read; the reader ends past the end tag. The element's name and place are kept for error messages.
        /// </summary>
        private Text ReadText(bool spill = false)
        {
            Text text;
            if (this.fastReader is { } fast)
            {
                // EsxSdk's reader places an error from the element's offset when one happens: no line counting per value.
                text = new Text(fast.CurrentLocalName, 0, 0, fast.NodeOffset);
                if (fast.TryReadElementText(out ReadOnlySpan<char> plain))
                {
                    // The common "<name>text</name>" in one step; copied before the reader moves on (it may slide its input).
                    int plainLength = this.AppendToBuffer(0, plain);
                    this.reader.Read();
                    return text.With(this.textBuffer.AsSpan(0, plainLength));
                }
            }
            else
            {
                text = new Text(this.reader.LocalName, this.lineInfo?.LineNumber ?? 0, this.lineInfo?.LinePosition ?? 0, -1);
            }

            if (this.reader.NodeType != XmlNodeType.Element)
            {
                // Misuse keeps the reader's own error.
                return text.With(this.CopyToBuffer(this.reader.ReadElementContentAsString()));
            }

            if (this.reader.IsEmptyElement)
            {
                this.reader.Read();
                return text.With(ReadOnlySpan<char>.Empty);
            }

            this.reader.Read();
            int length = 0;
            while (true)
            {
                switch (this.reader.NodeType)
                {
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        length = this.AppendValue(length, spill);
                        this.reader.Read();
                        break;
                    case XmlNodeType.EndElement:
                        this.reader.Read();
                        return text.With(this.textBuffer.AsSpan(0, length));
                    case XmlNodeType.Comment:
                    case XmlNodeType.ProcessingInstruction:
                        this.reader.Read();
                        break;
                    case XmlNodeType.Element:
                        throw this.Error("Element '" + text.Element + "' holds the element '" + this.reader.LocalName + "' where a text value is expected");
                    case XmlNodeType.None:
                        throw this.Error("The XML ended inside an element");
                    default:
                        throw this.Error("Element '" + text.Element + "' holds a " + this.reader.NodeType + " node where a text value is expected");
                }
            }
        }

        /// <summary>The current element's attribute <paramref name="localName"/> in <paramref name="namespaceUri"/> copied to the buffer: its length, or -1 when absent.</summary>
        private int ReadAttributeText(string localName, string namespaceUri)
        {
            if (this.fastReader is { OnElementTag: true } utf8)
            {
                return utf8.TryGetAttributeValue(localName, namespaceUri, out ReadOnlySpan<char> value) ? this.AppendToBuffer(0, value) : -1;
            }

            if (!this.reader.HasAttributes)
            {
                return -1;
            }

            // By index: MoveToAttribute(name, namespace) looks both names up in the reader's NameTable on every call, and an
            // element has one or two attributes. String equality tests the reference first, and the reader's names are atomized.
            int count = this.reader.AttributeCount;
            for (int i = 0; i < count; i++)
            {
                this.reader.MoveToAttribute(i);
                if (this.reader.LocalName == localName && this.reader.NamespaceURI == namespaceUri)
                {
                    // Straight from the attribute node: ReadAttributeValue would make the value's string first.
                    int length = this.AppendValue(0);
                    this.reader.MoveToElement();
                    return length;
                }
            }

            this.reader.MoveToElement();
            return -1;
        }

        /// <summary>One shared string per distinct value (enumeration values repeat across a response); <paramref name="chars"/> is a slice of the text buffer.</summary>
        private string Atomize(ReadOnlySpan<char> chars)
        {
            if (chars.IsEmpty)
            {
                return string.Empty; // an empty slice overlaps nothing
            }

            // A response repeats a few enumeration values and reference types thousands of times: the last string of each slot is
            // compared first, which costs less than the NameTable's hash of every value.
            ref string? recent = ref this.recentAtoms[((chars.Length * 31) + chars[0] + (chars[^1] * 7)) & (RecentAtomSlots - 1)];
            if (recent is { } known && chars.SequenceEqual(known))
            {
                return known;
            }

            bool inBuffer = ((ReadOnlySpan<char>)this.textBuffer).Overlaps(chars, out int offset);
            System.Diagnostics.Debug.Assert(inBuffer, "every value reaches Atomize through the text buffer");
            return recent = this.atoms.Add(this.textBuffer, offset, chars.Length);
        }

        /// <summary>Appends the current node's value to the buffer from <paramref name="length"/>, growing it as needed; the new length.</summary>
        private int AppendValue(int length, bool spill = false)
        {
            if (this.fastReader is { } fast && fast.TryTakeWholeValue(out ReadOnlySpan<char> whole))
            {
                // EsxSdk's reader hands a value it holds whole in one copy (long text still comes in chunks, below).
                return this.AppendToBuffer(length, whole);
            }

            if (!this.canReadValueChunk)
            {
                // A reader without value chunks (e.g. XmlNodeReader) hands out the value as a string.
                return this.AppendToBuffer(length, this.reader.Value);
            }

            while (true)
            {
                // Room for a surrogate pair at least: asked for one character, a reader either throws (XmlReader.Create's) or
                // returns 0 as if the value had ended (WCF's) when the next character is half of a pair.
                if (this.textBuffer.Length - length < 2)
                {
                    if (spill && length >= SpillTextLength)
                    {
                        (this.spilledText ??= new StringBuilder()).Append(this.textBuffer, 0, length);
                        length = 0;
                    }
                    else
                    {
                        Array.Resize(ref this.textBuffer, this.textBuffer.Length * 2);
                    }
                }

                int space = this.textBuffer.Length - length;
                int read = this.reader.ReadValueChunk(this.textBuffer, length, space);
                length += read;
                if (read == 0 || (this.shortChunkEndsValue && read < space - 1))
                {
                    return length;
                }
            }
        }

        /// <summary>Copies <paramref name="chars"/> to the buffer from <paramref name="length"/>, growing it as needed; the new length.</summary>
        private int AppendToBuffer(int length, ReadOnlySpan<char> chars)
        {
            if (length + chars.Length > this.textBuffer.Length)
            {
                Array.Resize(ref this.textBuffer, Math.Max(length + chars.Length, this.textBuffer.Length * 2));
            }

            chars.CopyTo(this.textBuffer.AsSpan(length));
            return length + chars.Length;
        }

        /// <summary>The line and position of a value's element, for its error message.</summary>
        private (int Line, int Position) PlaceOf(in Text text)
            => text.Offset >= 0 && this.fastReader is { } fast ? fast.PlaceAt(text.Offset) : (text.Line, text.Position);

        private ReadOnlySpan<char> CopyToBuffer(string value) => this.textBuffer.AsSpan(0, this.AppendToBuffer(0, value));

        /// <summary>An element's text and where it was, for parsers and their error messages.</summary>
        private readonly ref struct Text
        {
            public Text(string element, int line, int position, long offset)
            {
                this.Element = element;
                this.Line = line;
                this.Position = position;
                this.Offset = offset;
            }

            private Text(Text place, ReadOnlySpan<char> chars)
                : this(place.Element, place.Line, place.Position, place.Offset)
            {
                this.Chars = chars;
            }

            public ReadOnlySpan<char> Chars { get; }

            public string Element { get; }

            public int Line { get; }

            public int Position { get; }

            /// <summary>Where the element starts in the document, for EsxSdk's reader to place it (-1 when Line and Position are known).</summary>
            public long Offset { get; }

            public Text With(ReadOnlySpan<char> chars) => new(this, chars);
        }
    }
}
