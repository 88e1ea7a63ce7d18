using System;
using System.Xml;

namespace EsxSdk.Xml.Reader
{
    /// <summary>
    /// The common shape of a vim25 value, <c>&lt;name&gt;text&lt;/name&gt;</c>, read in one step: most elements of a
    /// response are such values, and the general path walks three nodes for each (the text, the end tag, then the next).
    /// </summary>
    internal sealed partial class Utf8XmlReader
    {
        /// <summary>
        /// On a start tag whose content is plain text (no references, carriage returns, "]" or markup) followed by its own
        /// end tag, all in the decoded input: hands out the text and moves to the end tag, as Read() twice would. Otherwise
        /// false and nothing moved: the caller takes the general path, which also gives every error its usual message.
        /// The text is valid until the reader moves.
        /// </summary>
        internal bool TryReadElementText(out ReadOnlySpan<char> text)
        {
            text = default;
            if (this.readState != ReadState.Interactive || this.nodeType != XmlNodeType.Element || this.isEmptyElement || this.currentAttribute >= 0)
            {
                return false;
            }

            int start = this.pos;
            ReadOnlySpan<char> rest = this.chars.AsSpan(start, this.end - start);
            int stop = rest.IndexOfAny(TextStops);
            if (stop < 0 || rest[stop] != '<')
            {
                return false;
            }

            // "</" and the open element's qualified name, then '>': anything else (a child element, a comment, an end tag
            // with white space or another name) goes the general way.
            string expected = this.frames[this.frameCount - 1].Name.QualifiedName;
            int lt = start + stop;
            int nameStart = lt + 2;
            int after = nameStart + expected.Length;
            if (after >= this.end || this.chars[lt + 1] != '/' || this.chars[after] != '>' || !this.chars.AsSpan(nameStart, expected.Length).SequenceEqual(expected))
            {
                return false;
            }

            text = rest[..stop];
            this.attributeCount = 0;
            this.StartNode(lt);
            this.nodeStart = nameStart; // an end tag's place is its name's, as ReadEndTag leaves it
            this.nodeType = XmlNodeType.EndElement;
            this.pos = after + 1;
            return true;
        }
    }
}
