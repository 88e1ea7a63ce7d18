using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;

namespace EsxSdk.Xml.Reader
{
    /// <summary>
    /// Text and CDATA: a value without references or carriage returns is handed out straight from the input; anything
    /// else is decoded into a value buffer, in chunks of about <see cref="TextChunkLength"/> characters for long text, so a
    /// large value costs its consumer's copy, not the reader's.
    /// </summary>
    internal sealed partial class Utf8XmlReader
    {
        private const int TextChunkLength = 64 * 1024;

        /// <summary>The longest reference read (<c>&amp;#x0010FFFF;</c> with room for leading zeros).</summary>
        private const int MaxReferenceLength = 64;

        /// <summary>What ends a plain run of text: markup, references, carriage returns, a possible "]]&gt;" (forbidden characters never reach the parser).</summary>
        private static readonly SearchValues<char> TextStops = SearchValues.Create("<&\r]");

        private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
            "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

        private char[] valueBuffer = new char[256];

        /// <summary>True when the current value is <c>chars[valueStart..valueStart + valueLength]</c>, else <c>valueBuffer[0..valueLength]</c>.</summary>
        private bool valueInInput;
        private int valueStart;
        private int valueLength;

        /// <summary>How much of the current value (or of <see cref="textString"/>) ReadValueChunk has handed out.</summary>
        private int valueRead;

        /// <summary>More of the current text node follows in the input (from <see cref="pos"/>).</summary>
        private bool textContinues;

        /// <summary>The rest of the current text as a string, once <see cref="Value"/> asked for it.</summary>
        private string? textString;

        private bool nodePlaceFrozen;
        private (int Line, int Position) nodePlace;

        public override int ReadValueChunk(char[] buffer, int index, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - index);
            if (this.currentAttribute < 0 && this.nodeType is not (XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA))
            {
                throw new InvalidOperationException("ReadValueChunk is not supported on node type " + this.NodeType + ".");
            }

            int copied = 0;
            while (copied < count)
            {
                ReadOnlySpan<char> rest = this.UnreadValue();
                if (rest.IsEmpty)
                {
                    if (!this.textContinues || this.currentAttribute >= 0)
                    {
                        break;
                    }

                    this.ContinueText();
                    continue;
                }

                int take = Math.Min(count - copied, rest.Length);
                if (take < rest.Length && char.IsHighSurrogate(rest[take - 1]))
                {
                    take--; // a surrogate pair stays whole
                    if (take == 0 && copied == 0)
                    {
                        throw new ArgumentException("The buffer has room for one character and the next is half of a surrogate pair.", nameof(count));
                    }
                }

                rest[..take].CopyTo(buffer.AsSpan(index + copied));
                copied += take;
                this.valueRead += take;
                if (take < rest.Length)
                {
                    break;
                }
            }

            return copied;
        }

        /// <summary>
        /// The unread rest of the current text or attribute value when no more of it follows in the input, marked read: one
        /// copy for the caller instead of a <see cref="ReadValueChunk"/> loop. Valid until the reader moves.
        /// </summary>
        internal bool TryTakeWholeValue(out ReadOnlySpan<char> value)
        {
            bool hasValue = this.currentAttribute >= 0
                || (this.nodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA && !this.textContinues);
            value = hasValue ? this.UnreadValue() : default;
            this.valueRead += value.Length;
            return hasValue;
        }

        private ReadOnlySpan<char> UnreadValue()
        {
            if (this.currentAttribute >= 0)
            {
                ref Attribute attribute = ref this.attributes[this.currentAttribute];
                ReadOnlySpan<char> whole = attribute.Value is { } decoded ? decoded : this.chars.AsSpan(attribute.ValueStart, attribute.ValueLength);
                return whole[this.valueRead..];
            }

            if (this.textString is { } text)
            {
                return text.AsSpan(this.valueRead);
            }

            return (this.valueInInput ? this.chars.AsSpan(this.valueStart, this.valueLength) : this.valueBuffer.AsSpan(0, this.valueLength))[this.valueRead..];
        }

        /// <summary>The rest of the current text as a string (all of it, when no chunk was read).</summary>
        private string TextValue()
        {
            if (this.textString is null)
            {
                if (!this.textContinues)
                {
                    this.textString = this.UnreadValue().ToString();
                }
                else
                {
                    var whole = new StringBuilder();
                    whole.Append(this.UnreadValue());
                    while (this.textContinues)
                    {
                        this.ContinueText();
                        whole.Append(this.UnreadValue());
                    }

                    this.textString = whole.ToString();
                }

                this.valueRead = 0;
            }

            return this.textString[this.valueRead..];
        }

        private void ReadTextNode()
        {
            this.textString = null;
            this.valueRead = 0;
            bool onlySpace = this.ScanText(plain: true);
            this.nodeType = onlySpace ? XmlNodeType.Whitespace : XmlNodeType.Text;
        }

        /// <summary>Text outside the root element is an error, placed at its first character.</summary>
        private void RefuseAtRoot(int at)
        {
            if (this.frameCount == 0)
            {
                throw this.ErrorAt(at, "Data at the root level is invalid");
            }
        }

        /// <summary>Decodes the next chunk of the current long text node.</summary>
        private void ContinueText()
        {
            this.valueRead = 0;
            this.ScanText(plain: false);
        }

        /// <summary>Passes over what is left of the current text node.</summary>
        private void LeaveText()
        {
            this.textString = null;
            while (this.textContinues)
            {
                this.ContinueText();
            }
        }

        /// <summary>
        /// Reads text from <see cref="pos"/> up to the next markup, or a chunk of it: straight from the input while it is
        /// plain (<paramref name="plain"/>), else decoded into the value buffer. True when it is all XML white space.
        /// </summary>
        private bool ScanText(bool plain)
        {
            int i = this.pos;
            int plainStart = i;
            // Text rarely starts with white space (or a reference, which may stand for some): no scan for white space then.
            bool onlySpace = plain && (IsXmlSpace(this.chars[i]) || this.chars[i] == '&');
            this.valueLength = 0;
            this.valueInInput = false;
            this.textContinues = false;
            while (true)
            {
                ReadOnlySpan<char> span = this.chars.AsSpan(i, this.end - i);
                int stop = span.IndexOfAny(TextStops);
                int runEnd = stop < 0 ? this.end : i + stop;
                ReadOnlySpan<char> run = this.chars.AsSpan(i, runEnd - i);
                if (onlySpace && run.IndexOfAnyExcept(" \t\n\r") is int text and >= 0)
                {
                    onlySpace = false;
                    this.RefuseAtRoot(i + text);
                }
                else if (!onlySpace && plain && i == plainStart)
                {
                    this.RefuseAtRoot(i);
                }

                if (!plain)
                {
                    this.AppendValue(run);
                }

                i = runEnd;
                if (stop < 0)
                {
                    if (plain)
                    {
                        // The input slides on: the text so far moves to the value buffer.
                        this.AppendValue(this.chars.AsSpan(plainStart, i - plainStart));
                        plain = false;
                    }

                    if (this.inputEnded)
                    {
                        if (this.inputErrorBeforeEnd)
                        {
                            throw this.EndError(string.Empty);
                        }

                        break; // the next Read reports the unclosed elements
                    }

                    if (this.valueLength >= TextChunkLength && !onlySpace)
                    {
                        this.textContinues = true;
                        break;
                    }

                    i -= this.ReadMore(i);
                    continue;
                }

                char c = this.chars[i];
                if (c == '<')
                {
                    break;
                }

                if (plain)
                {
                    this.AppendValue(this.chars.AsSpan(plainStart, i - plainStart));
                    plain = false;
                }

                switch (c)
                {
                    case '&':
                        this.RefuseAtRoot(i);
                        this.HasChars(ref i, MaxReferenceLength, i);
                        i += this.AppendReference(i, Math.Min(this.end, i + MaxReferenceLength));
                        onlySpace &= IsXmlSpace(this.valueBuffer[this.valueLength - 1]); // as System.Xml: &#32; keeps white space white
                        break;
                    case '\r':
                        this.AppendValue("\n");
                        i++;
                        if (this.HasChars(ref i, 1, i) && this.chars[i] == '\n')
                        {
                            i++;
                        }

                        break;
                    default: // ']', perhaps of "]]>"
                        this.RefuseAtRoot(i);
                        if (this.HasChars(ref i, 3, i) && this.chars.AsSpan(i, 3).SequenceEqual("]]>"))
                        {
                            throw this.ErrorAt(i, "']]>' is not allowed in character data");
                        }

                        this.AppendValue("]");
                        onlySpace = false;
                        i++;
                        break;
                }
            }

            this.pos = i;
            if (plain)
            {
                this.valueInInput = true;
                this.valueStart = plainStart;
                this.valueLength = i - plainStart;
            }

            return onlySpace;
        }

        /// <summary>A CDATA section's content, <c>chars[start..close]</c>: line breaks normalized, characters checked.</summary>
        private void ReadCData(int start, int close)
        {
            this.textString = null;
            this.valueRead = 0;
            this.textContinues = false;
            this.nodeType = XmlNodeType.CDATA;
            ReadOnlySpan<char> content = this.chars.AsSpan(start, close - start);
            if (!content.Contains('\r'))
            {
                this.valueInInput = true;
                this.valueStart = start;
                this.valueLength = close - start;
                return;
            }

            this.valueInInput = false;
            this.valueLength = 0;
            for (int i = 0; i < content.Length; i++)
            {
                if (content[i] == '\r')
                {
                    this.AppendValue("\n");
                    if (i + 1 < content.Length && content[i + 1] == '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    this.AppendValue(content.Slice(i, 1));
                }
            }
        }

        /// <summary>An attribute value with references expanded and white space normalized (XML 1.0, 3.3.3, no DTD: every attribute is CDATA).</summary>
        private string DecodeAttributeValue(int start, int end)
        {
            // The value buffer is free while a tag is parsed (forbidden characters never reach the parser).
            this.valueLength = 0;
            int i = start;
            while (i < end)
            {
                int stop = this.chars.AsSpan(i, end - i).IndexOfAny(AttributeValueStops);
                int runEnd = stop < 0 ? end : i + stop;
                this.AppendValue(this.chars.AsSpan(i, runEnd - i));
                i = runEnd;
                if (i == end)
                {
                    break;
                }

                switch (this.chars[i])
                {
                    case '&':
                        i += this.AppendReference(i, end);
                        break;
                    case '<':
                        throw this.ErrorAt(i, "'<', hexadecimal value 0x3C, is an invalid attribute character");
                    default:
                        // Tab, line feed, carriage return: one space each, a CR LF pair one.
                        this.AppendValue(" ");
                        i += this.chars[i] == '\r' && i + 1 < end && this.chars[i + 1] == '\n' ? 2 : 1;
                        break;
                }
            }

            return new string(this.valueBuffer, 0, this.valueLength);
        }

        /// <summary>Appends the character a reference at <paramref name="at"/> stands for; its length (up to ';'). References end before <paramref name="limit"/>.</summary>
        private int AppendReference(int at, int limit)
        {
            ReadOnlySpan<char> rest = this.chars.AsSpan(at + 1, Math.Max(0, limit - at - 1));
            int semicolon = rest.IndexOf(';');
            if (semicolon <= 0)
            {
                throw this.ErrorAt(at, "A reference ('&') without its name and ';' (write '&amp;' for an ampersand)");
            }

            ReadOnlySpan<char> name = rest[..semicolon];
            if (name[0] == '#')
            {
                bool hex = name.Length > 1 && name[1] == 'x';
                ReadOnlySpan<char> digits = name[(hex ? 2 : 1)..];
                if (digits.IsEmpty
                    || digits.ContainsAnyExcept(hex ? "0123456789abcdefABCDEF" : "0123456789")
                    || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                    || !IsXmlCharacter(code))
                {
                    throw this.ErrorAt(at, "Invalid character reference '&" + name.ToString() + ";'");
                }

                if (code > 0xFFFF)
                {
                    string pair = char.ConvertFromUtf32(code);
                    this.AppendValue(pair);
                }
                else
                {
                    this.AppendValue([(char)code]);
                }

                return semicolon + 2;
            }

            char expanded = name switch
            {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "apos" => '\'',
                "quot" => '"',
                _ => throw this.ErrorAt(at, "Reference to undeclared entity '" + name.ToString() + "'"),
            };
            this.AppendValue([expanded]);
            return semicolon + 2;
        }

        private static bool IsXmlCharacter(int code)
            => code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

        private void AppendValue(ReadOnlySpan<char> text)
        {
            if (this.valueLength + text.Length > this.valueBuffer.Length)
            {
                Array.Resize(ref this.valueBuffer, Math.Max(this.valueLength + text.Length, this.valueBuffer.Length * 2));
            }

            text.CopyTo(this.valueBuffer.AsSpan(this.valueLength));
            this.valueLength += text.Length;
        }

    }
}
