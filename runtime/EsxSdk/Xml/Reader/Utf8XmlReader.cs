using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace EsxSdk.Xml.Reader
{
    /// <summary>
    /// A forward-only reader of UTF-8 XML for vim25 responses, in place of System.Xml's general reader: the same nodes
    /// and the same refusals for what EsxSdk's reader settings allow (no DTD, so only the five predefined entities and
    /// character references; comments and processing instructions skipped; whitespace kept; characters checked; a cap on
    /// the document's characters), in about half the time. Long text is handed out in bounded chunks. It is an
    /// <see cref="XmlDictionaryReader"/> so WCF reads a reply through it without a wrapper.
    /// </summary>
    internal sealed partial class Utf8XmlReader : XmlDictionaryReader, IXmlLineInfo, IXmlNamespaceResolver
    {
        private readonly XmlNameTable names;
        private readonly string xmlNamespace;
        private readonly string xmlnsNamespace;
        private readonly string xmlPrefix;
        private readonly string xmlnsPrefix;

        private ReadState readState = ReadState.Initial;
        private XmlNodeType nodeType = XmlNodeType.None;

        /// <summary>Where the current node starts in <see cref="chars"/> (for its line and position).</summary>
        private int nodeStart;

        private bool rootSeen;

        public Utf8XmlReader(Stream stream, long maxCharacters, bool closeInput, byte[]? startBytes = null)
        {
            ArgumentNullException.ThrowIfNull(stream);
            this.stream = stream;
            this.maxCharacters = maxCharacters <= 0 ? long.MaxValue : maxCharacters;
            this.closeInput = closeInput;
            this.pendingBytes = startBytes is { Length: > 0 } ? startBytes : null;
            this.names = new NameTable();
            this.xmlNamespace = this.names.Add("http://www.w3.org/XML/1998/namespace");
            this.xmlnsNamespace = this.names.Add("http://www.w3.org/2000/xmlns/");
            this.xmlPrefix = this.names.Add("xml");
            this.xmlnsPrefix = this.names.Add("xmlns");
            this.names.Add(string.Empty);
        }

        public override XmlNodeType NodeType => this.currentAttribute < 0 ? this.nodeType : this.onAttributeValue ? XmlNodeType.Text : XmlNodeType.Attribute;

        public override string LocalName => this.CurrentName.LocalName;

        public override string NamespaceURI => this.currentAttribute < 0
            ? this.nodeType is XmlNodeType.Element or XmlNodeType.EndElement ? this.frames[this.frameCount - 1].NamespaceUri : string.Empty
            : this.onAttributeValue ? string.Empty : this.attributes[this.currentAttribute].NamespaceUri;

        public override string Prefix => this.CurrentName.Prefix;

        public override string Name => this.CurrentName.QualifiedName;

        public override string Value => this.currentAttribute >= 0
            ? this.AttributeValue(this.currentAttribute)
            : this.nodeType switch
            {
                XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA => this.TextValue(),
                XmlNodeType.XmlDeclaration => this.declarationText,
                _ => string.Empty,
            };

        public override bool HasValue => this.currentAttribute >= 0
            || this.nodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA or XmlNodeType.XmlDeclaration;

        public override int Depth
        {
            get
            {
                int depth = this.nodeType is XmlNodeType.Element or XmlNodeType.EndElement ? this.frameCount - 1 : this.frameCount;
                return this.currentAttribute < 0 ? depth : depth + (this.onAttributeValue ? 2 : 1);
            }
        }

        public override string BaseURI => string.Empty;

        public override bool IsEmptyElement => this.currentAttribute < 0 && this.nodeType == XmlNodeType.Element && this.isEmptyElement;

        public override bool EOF => this.readState == ReadState.EndOfFile;

        public override ReadState ReadState => this.readState;

        public override XmlNameTable NameTable => this.names;

        public override bool CanReadValueChunk => true;

        public int LineNumber => this.Place().Line;

        public int LinePosition => this.Place().Position;

        public bool HasLineInfo() => true;

        public override bool Read()
        {
            switch (this.readState)
            {
                case ReadState.Initial:
                    this.readState = ReadState.Interactive;
                    break;
                case ReadState.Interactive:
                    break;
                default:
                    return false;
            }

            this.LeaveNode();
            try
            {
                return this.ReadNode();
            }
            catch (XmlException)
            {
                this.readState = ReadState.Error;
                throw;
            }
        }

        public override string? LookupNamespace(string prefix)
        {
            for (int i = this.namespaceCount - 1; i >= 0; i--)
            {
                if (this.namespacePrefixes[i] == prefix)
                {
                    return this.namespaceUris[i];
                }
            }

            return prefix switch
            {
                "" => string.Empty,
                "xml" => this.xmlNamespace,
                "xmlns" => this.xmlnsNamespace,
                _ => null,
            };
        }

        public string? LookupPrefix(string namespaceName)
        {
            for (int i = this.namespaceCount - 1; i >= 0; i--)
            {
                if (this.namespaceUris[i] == namespaceName && this.LookupNamespace(this.namespacePrefixes[i]) == namespaceName)
                {
                    return this.namespacePrefixes[i];
                }
            }

            return namespaceName == this.xmlNamespace ? this.xmlPrefix : namespaceName == this.xmlnsNamespace ? this.xmlnsPrefix : null;
        }

        public IDictionary<string, string> GetNamespacesInScope(XmlNamespaceScope scope)
        {
            var inScope = new Dictionary<string, string>();
            for (int i = 0; i < this.namespaceCount; i++)
            {
                string prefix = this.namespacePrefixes[i];
                if (this.LookupNamespace(prefix) is { } uri && (uri.Length > 0 || prefix.Length > 0))
                {
                    inScope[prefix] = uri;
                }
                else
                {
                    inScope.Remove(prefix);
                }
            }

            if (scope == XmlNamespaceScope.All)
            {
                inScope[this.xmlPrefix] = this.xmlNamespace;
            }

            return inScope;
        }

        public override void ResolveEntity() => throw new InvalidOperationException("The reader has no entity reference to resolve: it expands the predefined entities itself.");

        public override void Close()
        {
            if (this.readState != ReadState.Closed)
            {
                this.readState = ReadState.Closed;
                this.nodeType = XmlNodeType.None;
                this.currentAttribute = -1;
                if (this.closeInput)
                {
                    this.stream.Dispose();
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                this.Close();
            }

            base.Dispose(disposing);
        }

        /// <summary>The name of the node the reader is on: an element, an attribute, the XML declaration, or none.</summary>
        private XmlName CurrentName => this.currentAttribute >= 0
            ? this.onAttributeValue ? NoName : this.attributes[this.currentAttribute].Name
            : this.nodeType switch
            {
                XmlNodeType.Element or XmlNodeType.EndElement => this.frames[this.frameCount - 1].Name,
                XmlNodeType.XmlDeclaration => this.declarationName,
                _ => NoName,
            };

        private (int Line, int Position) Place()
        {
            if (this.readState != ReadState.Interactive && this.readState != ReadState.Error)
            {
                return (0, 0);
            }

            if (this.currentAttribute >= 0)
            {
                ref Attribute attribute = ref this.attributes[this.currentAttribute];
                return this.PlaceOf(this.onAttributeValue ? attribute.ValueStart : attribute.NameStart);
            }

            return this.nodePlaceFrozen ? this.nodePlace : this.PlaceOf(this.nodeStart);
        }
    }
}
