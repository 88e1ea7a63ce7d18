using System;
using System.Xml;

namespace EsxSdk.Xml.Reader
{
    /// <summary>
    /// Shortcuts for VimXmlReader, which reads every element of a response. The common shape of a vim25 value,
    /// <c>&lt;name&gt;text&lt;/name&gt;</c>, read in one step (the general path walks three nodes for each: the text, the end
    /// tag, then the next); an attribute's value and the current name without the XmlReader calls around them.
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
            if (this.readState != ReadState.Interactive || !this.OnElementTag || this.isEmptyElement)
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

        /// <summary>
        /// The current element's attribute <paramref name="localName"/> in <paramref name="namespaceUri"/> (compared by
        /// value), as <see cref="XmlReader.GetAttribute(string, string)"/> gives it but without a string: false when the
        /// reader is not on an element's tag or the element has no such attribute. Valid until the reader moves.
        /// </summary>
        internal bool TryGetAttributeValue(string localName, string namespaceUri, out ReadOnlySpan<char> value)
        {
            value = default;
            if (!this.OnElementTag)
            {
                return false;
            }

            for (int i = 0; i < this.attributeCount; i++)
            {
                ref Attribute attribute = ref this.attributes[i];
                if (attribute.Name.LocalName == localName && attribute.NamespaceUri == namespaceUri)
                {
                    value = attribute.Value is { } decoded ? decoded : this.chars.AsSpan(attribute.ValueStart, attribute.ValueLength);
                    return true;
                }
            }

            return false;
        }

        /// <summary>True on an element's start tag (not on one of its attributes).</summary>
        internal bool OnElementTag => this.nodeType == XmlNodeType.Element && this.currentAttribute < 0;

        /// <summary>The local name of the current node, as <see cref="LocalName"/>, without the virtual call for an element's.</summary>
        internal string CurrentLocalName => this.OnElementTag
            ? this.frames[this.frameCount - 1].Name.LocalName
            : this.LocalName;
    }
}
