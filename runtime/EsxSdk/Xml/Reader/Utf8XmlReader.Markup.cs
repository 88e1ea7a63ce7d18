using System;
using System.Buffers;
using System.Text;
using System.Xml;

namespace EsxSdk.Xml.Reader
{
    /// <summary>Tags, comments, processing instructions, CDATA sections and the XML declaration; the open elements and their namespaces.</summary>
    internal sealed partial class Utf8XmlReader
    {
        private static readonly SearchValues<char> TagStops = SearchValues.Create("><\"'");

        /// <summary>The most namespace declarations in scope at once.</summary>
        internal const int MaxNamespacesInScope = 4096;

        private const string DtdRefused = "For security reasons DTD is prohibited in this XML document";

        private Frame[] frames = new Frame[16];
        private int frameCount;
        private XmlName declarationName;
        private bool isEmptyElement;
        private string declarationText = string.Empty;
        private bool atDocumentStart = true;

        private string[] namespacePrefixes = new string[8];
        private string[] namespaceUris = new string[8];
        private int namespaceCount;

        /// <summary>Leaves the current node: an empty element or an end tag closes its element; unread text is passed over.</summary>
        private void LeaveNode()
        {
            this.currentAttribute = -1;
            this.onAttributeValue = false;
            this.attributeCount = 0;
            switch (this.nodeType)
            {
                case XmlNodeType.Element when this.isEmptyElement:
                case XmlNodeType.EndElement:
                    this.namespaceCount = this.frames[--this.frameCount].NamespaceCount;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    this.LeaveText();
                    break;
            }
        }

        /// <summary>Moves to the next node the reader reports (comments and processing instructions are passed over).</summary>
        private bool ReadNode()
        {
            while (true)
            {
                int at = this.pos;
                if (!this.HasChars(ref at, 1, at))
                {
                    return this.EndOfInput();
                }

                this.StartNode(at);
                if (this.chars[at] != '<')
                {
                    this.atDocumentStart = false;
                    this.ReadTextNode();
                    return true;
                }

                if (!this.HasChars(ref at, 2, at))
                {
                    throw this.EndError("Unexpected end of file while parsing a name has occurred");
                }

                bool first = this.atDocumentStart;
                this.atDocumentStart = false;
                switch (this.chars[at + 1])
                {
                    case '/':
                        this.ReadEndTag();
                        return true;
                    case '?':
                        if (this.ReadProcessingInstruction(first))
                        {
                            return true;
                        }

                        break;
                    case '!':
                        if (this.ReadDeclarationOrComment())
                        {
                            return true;
                        }

                        break;
                    default:
                        this.ReadStartTag();
                        return true;
                }
            }
        }

        private void StartNode(int at)
        {
            this.nodeStart = at;
            this.nodePlaceFrozen = false;
        }

        private bool EndOfInput()
        {
            this.StartNode(this.end);
            if (this.frameCount > 0)
            {
                var open = new StringBuilder();
                for (int i = this.frameCount - 1; i >= 0; i--)
                {
                    open.Append(open.Length == 0 ? string.Empty : ", ").Append(this.frames[i].Name.QualifiedName);
                }

                throw this.EndError("Unexpected end of file has occurred. The following elements are not closed: " + open);
            }

            if (!this.rootSeen)
            {
                throw this.EndError("Root element is missing");
            }

            this.readState = ReadState.EndOfFile;
            this.nodeType = XmlNodeType.None;
            return false;
        }

        private void ReadStartTag()
        {
            if (this.frameCount == 0 && this.rootSeen)
            {
                throw this.ErrorAt(this.nodeStart + 1, "There are multiple root elements");
            }

            int namespacesBefore = this.namespaceCount;
            this.nodeType = XmlNodeType.Element;
            while (true)
            {
                this.attributeCount = 0;
                this.namespaceCount = namespacesBefore;
                int i = this.nodeStart + 1;
                if (this.TryParseStartTag(ref i, out XmlName name, out bool empty))
                {
                    if (this.frameCount == this.frames.Length)
                    {
                        Array.Resize(ref this.frames, this.frames.Length * 2);
                    }

                    this.pos = i;
                    this.nodeStart++; // an element's place is its name's
                    this.isEmptyElement = empty;
                    this.rootSeen = true;
                    // No declarations here and the parent's prefix: the parent's namespace, without a lookup.
                    string namespaceUri = this.frameCount > 0 && this.namespaceCount == namespacesBefore && (object)this.frames[this.frameCount - 1].Name.Prefix == name.Prefix
                        ? this.frames[this.frameCount - 1].NamespaceUri
                        : this.ResolvePrefix(name.Prefix, this.nodeStart);
                    this.frames[this.frameCount++] = new Frame(name, namespaceUri, namespacesBefore);
                    if (this.attributeCount > 0)
                    {
                        this.ResolveAttributes();
                    }
                    return;
                }

                // The tag runs past what is decoded: parse it again with more (a tag is short; a long one doubles what is read).
                if (this.inputEnded)
                {
                    throw this.EndError("Unexpected end of file inside a start tag");
                }

                this.ReadMore(this.nodeStart, Math.Max(1024, this.end - this.nodeStart));
            }
        }

        /// <summary>Parses the start tag from <paramref name="i"/> (its name); false when it runs past the decoded input.</summary>
        private bool TryParseStartTag(ref int i, out XmlName name, out bool empty)
        {
            empty = false;
            if (!this.TryParseName(ref i, this.end, open: true, out name))
            {
                return false;
            }

            while (true)
            {
                int spaceStart = i;
                while (i < this.end && IsXmlSpace(this.chars[i]))
                {
                    i++;
                }

                if (i >= this.end)
                {
                    return false;
                }

                char c = this.chars[i];
                if (c == '>')
                {
                    i++;
                    return true;
                }

                if (c == '/')
                {
                    if (i + 1 >= this.end)
                    {
                        return false;
                    }

                    if (this.chars[i + 1] != '>')
                    {
                        throw this.ErrorAt(i + 1, "Expected '>' after '/' in the tag of element '" + name.QualifiedName + "'");
                    }

                    i += 2;
                    empty = true;
                    return true;
                }

                if (i == spaceStart)
                {
                    throw this.ErrorAt(i, Show(c) + " is an unexpected token in the tag of element '" + name.QualifiedName + "'. Expecting white space");
                }

                if (!this.TryParseAttribute(ref i, this.end, open: true, name.QualifiedName))
                {
                    return false;
                }
            }
        }

        private void ReadEndTag()
        {
            int nameStart = this.nodeStart + 2;
            if (this.frameCount > 0)
            {
                // Almost always "</name>" naming the open element: compared whole, no scan for '>'.
                string expected = this.frames[this.frameCount - 1].Name.QualifiedName;
                int after = nameStart + expected.Length;
                if (after < this.end && this.chars[after] == '>' && this.chars.AsSpan(nameStart, expected.Length).SequenceEqual(expected))
                {
                    this.pos = after + 1;
                    this.nodeStart = nameStart;
                    this.nodeType = XmlNodeType.EndElement;
                    return;
                }
            }

            int gt = this.FindTagEnd(out bool complete);
            nameStart = this.nodeStart + 2;
            int nameEnd = nameStart;
            while (nameEnd < gt && !IsXmlSpace(this.chars[nameEnd]))
            {
                nameEnd++;
            }

            ReadOnlySpan<char> name = this.chars.AsSpan(nameStart, nameEnd - nameStart);
            if (this.frameCount == 0)
            {
                throw this.ErrorAt(nameStart, "Unexpected end tag '" + name.ToString() + "'");
            }

            string open = this.frames[this.frameCount - 1].Name.QualifiedName;
            if (!name.SequenceEqual(open))
            {
                throw this.ErrorAt(nameStart, "The end tag '" + name.ToString() + "' does not match the start tag '" + open + "'");
            }

            for (int i = nameEnd; i < gt; i++)
            {
                if (!IsXmlSpace(this.chars[i]))
                {
                    throw this.ErrorAt(i, Show(this.chars[i]) + " is an unexpected token in the end tag '" + open + "'. Expecting '>'");
                }
            }

            if (!complete)
            {
                throw gt == this.end ? this.EndError("Unexpected end of file inside the end tag '" + open + "'") : this.ErrorAt(gt, "'<' inside the end tag '" + open + "'");
            }

            this.pos = gt + 1;
            this.nodeStart = nameStart;
            this.nodeType = XmlNodeType.EndElement;
        }

        /// <summary>A comment (passed over: false), a CDATA section (true), or a DTD (refused).</summary>
        private bool ReadDeclarationOrComment()
        {
            int at = this.nodeStart;
            this.HasChars(ref at, 9, at);
            ReadOnlySpan<char> start = this.chars.AsSpan(at, Math.Min(9, this.end - at));
            if (start.StartsWith("<!--"))
            {
                // The first "--" must be the end's.
                int afterDashes = this.FindTerminator("--", 4) + 2;
                if (!this.HasChars(ref afterDashes, 1, this.nodeStart) || this.chars[afterDashes] != '>')
                {
                    throw this.ErrorAt(afterDashes, "An XML comment cannot contain '--', and '-' cannot be the last character");
                }

                this.pos = afterDashes + 1;
                return false;
            }

            if (start.SequenceEqual("<![CDATA["))
            {
                if (this.frameCount == 0)
                {
                    throw this.ErrorAt(at, "Data at the root level is invalid");
                }

                int close = this.FindTerminator("]]>", 9);
                this.ReadCData(this.nodeStart + 9, close);
                this.pos = close + 3;
                this.nodeStart += 9;
                return true;
            }

            if (start.StartsWith("<!DOCTYPE"))
            {
                throw this.ErrorAt(at, DtdRefused);
            }

            throw this.ErrorAt(at + 2, "Unexpected markup '<!' (only comments and CDATA sections may start so)");
        }

        /// <summary>The XML declaration (true), or a processing instruction, passed over (false).</summary>
        private bool ReadProcessingInstruction(bool atDocumentStart)
        {
            int close = this.FindTerminator("?>", 2);
            int i = this.nodeStart + 2;
            this.TryParseName(ref i, close, open: false, out XmlName targetName);
            string target = targetName.QualifiedName;
            if (targetName.Prefix.Length > 0)
            {
                throw this.ErrorAt(this.nodeStart + 2, "The ':' character cannot be included in the processing instruction target '" + target + "'");
            }

            if (target.Equals("xml", StringComparison.OrdinalIgnoreCase))
            {
                if (!atDocumentStart || target != "xml")
                {
                    throw this.ErrorAt(this.nodeStart + 2, "Unexpected XML declaration. The XML declaration must be the first node in the document, and no whitespace characters are allowed to appear before it");
                }

                this.ReadXmlDeclaration(i, close);
                this.pos = close + 2;
                this.nodeStart += 2;
                return true;
            }

            if (i < close && !IsXmlSpace(this.chars[i]))
            {
                throw this.ErrorAt(i, Show(this.chars[i]) + " is an unexpected token in processing instruction '" + target + "'");
            }

            this.pos = close + 2;
            return false;
        }

        private void ReadXmlDeclaration(int i, int close)
        {
            this.declarationName = new XmlName(this.xmlPrefix, string.Empty, this.xmlPrefix);
            this.nodeType = XmlNodeType.XmlDeclaration;
            this.declarationText = this.chars.AsSpan(i, close - i).Trim(" \t\r\n").ToString();
            while (true)
            {
                int spaceStart = i;
                while (i < close && IsXmlSpace(this.chars[i]))
                {
                    i++;
                }

                if (i == close)
                {
                    break;
                }

                if (i == spaceStart)
                {
                    throw this.ErrorAt(i, Show(this.chars[i]) + " is an unexpected token in the XML declaration. Expecting white space");
                }

                this.TryParseAttribute(ref i, close, open: false, "xml");
            }

            // version, then encoding, then standalone: each optional but the version, in this order (XML 1.0, 2.8).
            int expected = 0;
            for (int a = 0; a < this.attributeCount; a++)
            {
                ref Attribute attribute = ref this.attributes[a];
                string value = this.AttributeValue(a);
                int kind = attribute.Name.QualifiedName switch { "version" => 0, "encoding" => 1, "standalone" => 2, _ => -1 };
                if (kind < expected || (a == 0 && kind != 0))
                {
                    throw this.ErrorAt(attribute.NameStart, "The XML declaration holds '" + attribute.Name.QualifiedName + "' where " + (a == 0 ? "version" : "encoding or standalone") + " is expected");
                }

                expected = kind + 1;
                bool valid = kind switch
                {
                    0 => value == "1.0", // as System.Xml
                    1 => IsUtf8Name(value),
                    _ => value is "yes" or "no",
                };
                if (!valid)
                {
                    throw this.ErrorAt(attribute.ValueStart, "The XML declaration's " + attribute.Name.QualifiedName + " '" + value + "' is not one this reader reads (version 1.0, encoding UTF-8, standalone yes or no)");
                }
            }

            if (this.attributeCount == 0)
            {
                throw this.ErrorAt(this.nodeStart, "The XML declaration has no version");
            }
        }

        internal static bool IsUtf8Name(string encoding)
            => encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || encoding.Equals("utf8", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The index of the '>' closing the tag at <see cref="nodeStart"/>, read in as needed (a '>' inside an attribute value
        /// does not count), or, when the tag is malformed, where the scan stopped: at a '&lt;' (never inside a tag, so a
        /// missing quote costs one tag's scan, not the document's) or at the end of the input (<paramref name="complete"/> false).
        /// </summary>
        private int FindTagEnd(out bool complete)
        {
            int scanned = 1;
            char quote = '\0';
            while (true)
            {
                int from = this.nodeStart + scanned;
                ReadOnlySpan<char> span = this.chars.AsSpan(from, this.end - from);
                int found = quote != '\0' ? span.IndexOfAny(quote, '<') : span.IndexOfAny(TagStops);
                if (found >= 0)
                {
                    char c = span[found];
                    scanned += found + 1;
                    if (c == '<' || (c == '>' && quote == '\0'))
                    {
                        complete = c == '>';
                        return this.nodeStart + scanned - 1;
                    }

                    quote = quote != '\0' ? '\0' : c;
                    continue;
                }

                scanned = this.end - this.nodeStart;
                if (this.inputEnded)
                {
                    complete = false;
                    return this.end;
                }

                this.ReadMore(this.nodeStart);
            }
        }

        /// <summary>The index of <paramref name="terminator"/> at or after <paramref name="offset"/> characters into the current node, read in as needed.</summary>
        private int FindTerminator(string terminator, int offset)
        {
            int scanned = offset;
            while (true)
            {
                int from = this.nodeStart + scanned;
                int found = this.chars.AsSpan(from, this.end - from).IndexOf(terminator);
                if (found >= 0)
                {
                    return from + found;
                }

                scanned = Math.Max(offset, this.end - this.nodeStart - (terminator.Length - 1));
                if (this.inputEnded)
                {
                    throw this.EndError("Unexpected end of file while looking for '" + terminator + "'");
                }

                this.ReadMore(this.nodeStart);
            }
        }

        /// <summary>The namespace bound to <paramref name="prefix"/> here, or an error placed at <paramref name="at"/>.</summary>
        private string ResolvePrefix(string prefix, int at)
        {
            if (prefix.Length == 0)
            {
                return this.LookupNamespace(prefix)!;
            }

            return this.LookupNamespace(prefix) ?? throw this.ErrorAt(at, "'" + prefix + "' is an undeclared prefix");
        }

        private void DeclareNamespace(string prefix, string uri, int at)
        {
            if (prefix == this.xmlnsPrefix || (prefix == this.xmlPrefix && uri != this.xmlNamespace))
            {
                throw this.ErrorAt(at, "Prefix '" + prefix + "' is reserved for use by XML");
            }

            if ((uri == this.xmlNamespace && prefix != this.xmlPrefix) || uri == this.xmlnsNamespace)
            {
                throw this.ErrorAt(at, "The namespace '" + uri + "' cannot be bound to prefix '" + prefix + "'");
            }

            if (prefix.Length > 0 && uri.Length == 0)
            {
                throw this.ErrorAt(at, "Cannot use a prefix with an empty namespace ('" + prefix + "')");
            }

            if (this.namespaceCount == MaxNamespacesInScope)
            {
                // A lookup walks the declarations in scope: a bound keeps hostile input from making each one slow.
                throw this.ErrorAt(at, "The XML declares more than " + MaxNamespacesInScope.ToString(System.Globalization.CultureInfo.InvariantCulture) + " namespaces in scope (vim25 XML declares a handful)");
            }

            if (this.namespaceCount == this.namespacePrefixes.Length)
            {
                Array.Resize(ref this.namespacePrefixes, this.namespaceCount * 2);
                Array.Resize(ref this.namespaceUris, this.namespaceCount * 2);
            }

            this.namespacePrefixes[this.namespaceCount] = prefix;
            this.namespaceUris[this.namespaceCount++] = uri;
        }

        /// <summary>An open element: its name, namespace, and how many namespace declarations were in scope before it.</summary>
        private readonly struct Frame(XmlName name, string namespaceUri, int namespaceCount)
        {
            public readonly XmlName Name = name;
            public readonly string NamespaceUri = namespaceUri;
            public readonly int NamespaceCount = namespaceCount;
        }
    }
}
