using System;
using System.Globalization;
using System.IO;
using System.Buffers;
using System.Text.Unicode;
using System.Xml;

namespace EsxSdk.Xml.Reader
{
    /// <summary>
    /// The input side: UTF-8 bytes from the stream decoded into a char buffer that slides forward, line counting done
    /// lazily (only when a place is asked for), and the document's character cap.
    /// </summary>
    internal sealed partial class Utf8XmlReader
    {
        private const int ByteBufferLength = 16 * 1024;
        private const int InitialCharBufferLength = 16 * 1024;

        private readonly Stream stream;
        private readonly bool closeInput;
        private readonly byte[] bytes = new byte[ByteBufferLength];
        private readonly long maxCharacters;

        /// <summary>Bytes the caller already read from the stream (the sniffed start), decoded before the stream's own.</summary>
        private byte[]? pendingBytes;

        private char[] chars = new char[InitialCharBufferLength];

        /// <summary>Where <c>chars[0]</c> is in the document (characters slid out before it).</summary>
        private long bufferStart;
        private int pos;
        private int end;
        private bool inputEnded;

        /// <summary>Why the input ended early: bytes that are not UTF-8, or a character XML forbids; null when it just ended.</summary>
        private string? inputError;

        /// <summary>The bad input was followed by more (not a sequence cut short at the end): text running into it is refused at once.</summary>
        private bool inputErrorBeforeEnd;

        /// <summary>Bytes at the start of <see cref="bytes"/> that end in an incomplete sequence, decoded with the next read.</summary>
        private int heldBytes;
        private long charactersRead;

        /// <summary>Lines are counted up to this index of <see cref="chars"/>.</summary>
        private int linesCountedTo;

        /// <summary>The line <see cref="linesCountedTo"/> is on (1-based), and where that line starts (an index of <see cref="chars"/>, negative once slid out).</summary>
        private int line = 1;
        private long lineStart;

        /// <summary>True when the last character counted was a carriage return (a CR LF pair is one line break).</summary>
        private bool lastCountedWasCarriageReturn;

        /// <summary>Characters available from <paramref name="at"/>: at least <paramref name="count"/> unless the input ends first.</summary>
        private bool HasChars(ref int at, int count, int keepFrom)
        {
            while (this.end - at < count)
            {
                int moved = this.ReadMore(keepFrom);
                at -= moved;
                keepFrom -= moved;
                if (this.end - at < count && this.inputEnded)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Reads more characters, keeping those from <paramref name="keepFrom"/> on (slid to the buffer's start, or the
        /// buffer grown when they fill it): how far indexes moved down.
        /// </summary>
        private int ReadMore(int keepFrom) => this.ReadMore(keepFrom, 1);

        /// <summary>As <see cref="ReadMore(int)"/>, decoding at least <paramref name="atLeast"/> characters unless the input ends (a long tag grows geometrically).</summary>
        private int ReadMore(int keepFrom, int atLeast)
        {
            if (this.inputEnded)
            {
                return 0;
            }

            int moved = 0;
            if (keepFrom > 0 && this.chars.Length - this.end < this.chars.Length / 2)
            {
                if (this.nodeStart < keepFrom && !this.nodePlaceFrozen)
                {
                    // The node's start slides out (long text): its place is kept as it was.
                    this.nodePlace = this.PlaceOf(this.nodeStart);
                    this.nodePlaceFrozen = true;
                }

                this.CountLines(keepFrom);

                int kept = this.end - keepFrom;
                Array.Copy(this.chars, keepFrom, this.chars, 0, kept);
                moved = keepFrom;
                this.end = kept;
                this.bufferStart += moved;
                this.pos -= moved;
                this.nodeStart -= moved;
                this.linesCountedTo -= moved;
                this.lineStart -= moved;
            }

            int target = this.end + atLeast;
            do
            {
                if (this.chars.Length - this.end < Math.Max(1024, Math.Min(atLeast, ByteBufferLength)))
                {
                    Array.Resize(ref this.chars, Math.Max(this.chars.Length * 2, target + 1024));
                }

                this.Decode();
            }
            while (this.end < target && !this.inputEnded);

            return moved;
        }

        /// <summary>
        /// Decodes at least one character more, or marks the input ended. Bytes that are not UTF-8 end the input too, after
        /// the characters before them: the error is raised where the reader reaches them (<see cref="EndError"/>).
        /// </summary>
        private void Decode()
        {
            while (true)
            {
                int available = this.heldBytes;
                if (this.pendingBytes is { } pending)
                {
                    pending.CopyTo(this.bytes, available);
                    available += pending.Length;
                    this.pendingBytes = null;
                }

                // A byte makes at most one character: no more bytes than there is room for characters (what does not fit waits).
                int room = Math.Min(this.bytes.Length, this.chars.Length - this.end) - available;
                int read = room > 0 ? this.stream.Read(this.bytes, available, room) : 0;
                bool last = room > 0 && read == 0;
                available += read;
                OperationStatus status = Utf8.ToUtf16(
                    this.bytes.AsSpan(0, available), this.chars.AsSpan(this.end), out int consumed, out int decoded, replaceInvalidSequences: false, isFinalBlock: last);
                this.heldBytes = available - consumed;
                this.bytes.AsSpan(consumed, this.heldBytes).CopyTo(this.bytes);

                if (this.charactersRead == 0 && decoded > 0 && this.chars[this.end] == '\uFEFF')
                {
                    // The byte order mark is not part of the document.
                    Array.Copy(this.chars, this.end + 1, this.chars, this.end, decoded - 1);
                    decoded--;
                    this.charactersRead = 1;
                }

                int forbidden = FirstForbiddenCharacter(this.chars.AsSpan(this.end, decoded));
                if (forbidden >= 0)
                {
                    // Forbidden everywhere in a document: the input ends before it, and whatever runs into it is refused there.
                    this.inputError = InvalidCharacterMessage(this.chars[this.end + forbidden]);
                    this.inputErrorBeforeEnd = true;
                    this.inputEnded = true;
                    this.end += forbidden;
                    this.charactersRead += forbidden;
                    return;
                }

                this.end += decoded;
                this.charactersRead += decoded;
                if (this.charactersRead > this.maxCharacters)
                {
                    throw this.ErrorAt(this.end, "The input document has exceeded a limit set by MaxCharactersInDocument");
                }

                if (status == OperationStatus.InvalidData)
                {
                    this.inputError = "Invalid character in the given encoding (the XML is read as UTF-8)";
                    this.inputErrorBeforeEnd = !last
                        || Utf8.ToUtf16(this.bytes.AsSpan(0, this.heldBytes), stackalloc char[4], out _, out _, replaceInvalidSequences: false, isFinalBlock: false) != OperationStatus.NeedMoreData;
                    this.inputEnded = true;
                    return;
                }

                if (last)
                {
                    this.inputEnded = true;
                    return;
                }

                if (decoded > 0)
                {
                    return;
                }
            }
        }

        /// <summary>The error for input that ended where more was needed: bytes that are not UTF-8, else <paramref name="message"/>.</summary>
        private XmlException EndError(string message) => this.ErrorAt(this.end, this.inputError ?? message);

        /// <summary>The first character XML 1.0 allows nowhere (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF), or -1.</summary>
        private static int FirstForbiddenCharacter(ReadOnlySpan<char> text)
        {
            int control = text.IndexOfAny(ForbiddenControls);
            int nonCharacter = (control < 0 ? text : text[..control]).IndexOfAnyInRange('\uFFFE', '\uFFFF');
            return nonCharacter >= 0 ? nonCharacter : control;
        }

        private static string InvalidCharacterMessage(char c)
            => "'" + (c < ' ' ? string.Empty : c.ToString()) + "', hexadecimal value 0x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) + ", is an invalid character";

        /// <summary>Counts line breaks up to <paramref name="to"/> (an index of <see cref="chars"/>), once each.</summary>
        private void CountLines(int to)
        {
            int from = this.linesCountedTo;
            if (to <= from)
            {
                return;
            }

            ReadOnlySpan<char> span = this.chars.AsSpan(from, to - from);
            int index = span.IndexOfAny('\r', '\n');
            while (index >= 0)
            {
                char c = span[index];
                if (c == '\r' || !(index == 0 ? this.lastCountedWasCarriageReturn : span[index - 1] == '\r'))
                {
                    this.line++;
                }

                this.lineStart = from + index + 1;
                int next = span[(index + 1)..].IndexOfAny('\r', '\n');
                index = next < 0 ? -1 : index + 1 + next;
            }

            this.lastCountedWasCarriageReturn = span[^1] == '\r';
            this.linesCountedTo = to;
        }

        /// <summary>The line and 1-based position of the character at <paramref name="index"/> of <see cref="chars"/>.</summary>
        private (int Line, int Position) PlaceOf(int index)
        {
            index = Math.Clamp(index, 0, this.end);
            if (index >= this.linesCountedTo)
            {
                this.CountLines(index);
                return (this.line, (int)Math.Min(int.MaxValue, index - this.lineStart + 1));
            }

            // Back from where lines are counted to (an attribute before one already placed): count the breaks between.
            ReadOnlySpan<char> between = this.chars.AsSpan(index, this.linesCountedTo - index);
            int breaks = between.Count('\n') + between.Count('\r') - between.Count("\r\n");
            if (breaks == 0)
            {
                return (this.line, (int)Math.Min(int.MaxValue, index - this.lineStart + 1));
            }

            int lastBreak = this.chars.AsSpan(0, index).LastIndexOfAny('\r', '\n');
            return (this.line - breaks, index - lastBreak);
        }

        /// <summary>Where the current node starts in the document, for <see cref="PlaceAt"/> later.</summary>
        internal long NodeOffset => this.bufferStart + this.nodeStart;

        /// <summary>The line and position of a node's <see cref="NodeOffset"/>; the current node's place once it slid out of the buffer.</summary>
        internal (int Line, int Position) PlaceAt(long offset)
        {
            long index = offset - this.bufferStart;
            return index >= 0 && index <= this.end ? this.PlaceOf((int)index) : this.Place();
        }

        private XmlException ErrorAt(int index, string message, Exception? inner = null)
        {
            this.readState = ReadState.Error;
            (int errorLine, int position) = this.PlaceOf(index);
            return new XmlException(message + ".", inner, errorLine, position);
        }

        private static string Show(char c) => c switch
        {
            >= ' ' and < '\u007F' => "'" + c + "'",
            _ => "0x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
        };
    }
}
