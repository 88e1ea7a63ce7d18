using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Xml;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Parsing
{
    /// <summary>
    /// Reads one WSDL or XSD file with a forward-only <see cref="XmlReader"/> into a
    /// <see cref="SchemaDocument"/>. Constructs outside the vim25 subset become diagnostics.
    /// </summary>
    internal sealed partial class SchemaDocumentParser
    {
        private readonly string path;
        private readonly XmlReader reader;
        private readonly IXmlLineInfo lineInfo;
        private readonly CancellationToken cancellationToken;
        private readonly List<DocumentReference> references = new();
        private readonly List<ComplexTypeDecl> complexTypes = new();
        private readonly List<EnumTypeDecl> enumTypes = new();
        private readonly List<ElementDecl> elements = new();
        private readonly List<MessageDecl> messages = new();
        private readonly List<PortTypeOperation> portTypeOperations = new();
        private readonly Dictionary<string, string> soapActions = new(StringComparer.Ordinal);
        private readonly List<DiagnosticInfo> diagnostics = new();

        private SchemaDocumentParser(string path, XmlReader reader, CancellationToken cancellationToken)
        {
            this.path = path;
            this.reader = reader;
            this.lineInfo = (IXmlLineInfo)reader;
            this.cancellationToken = cancellationToken;
        }

        public static SchemaDocument Parse(string path, string text, CancellationToken cancellationToken)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreWhitespace = true,
                IgnoreProcessingInstructions = true,
            };

            using var reader = XmlReader.Create(new StringReader(text), settings);
            var parser = new SchemaDocumentParser(path, reader, cancellationToken);
            try
            {
                DocumentKind kind = parser.ParseRoot();
                return parser.ToDocument(kind);
            }
            catch (XmlException ex)
            {
                var position = new SourcePosition(path, ex.LineNumber, ex.LinePosition);
                var diagnostic = DiagnosticInfo.Create(GeneratorDescriptors.MalformedXml, position, path, ex.Message);
                return new SchemaDocument(
                    path,
                    DocumentKind.Invalid,
                    EquatableArray<DocumentReference>.Empty,
                    EquatableArray<ComplexTypeDecl>.Empty,
                    EquatableArray<EnumTypeDecl>.Empty,
                    EquatableArray<ElementDecl>.Empty,
                    EquatableArray<MessageDecl>.Empty,
                    EquatableArray<OperationDecl>.Empty,
                    new[] { diagnostic }.ToEquatableArray());
            }
        }

        private SchemaDocument ToDocument(DocumentKind kind)
        {
            var operations = new List<OperationDecl>(this.portTypeOperations.Count);
            foreach (PortTypeOperation op in this.portTypeOperations)
            {
                this.soapActions.TryGetValue(op.Name, out string? soapAction);
                operations.Add(new OperationDecl(op.Name, op.Input, op.Output, op.Faults.ToEquatableArray(), soapAction, op.Position));
            }

            return new SchemaDocument(
                this.path,
                kind,
                this.references.ToEquatableArray(),
                this.complexTypes.ToEquatableArray(),
                this.enumTypes.ToEquatableArray(),
                this.elements.ToEquatableArray(),
                this.messages.ToEquatableArray(),
                operations.ToEquatableArray(),
                this.diagnostics.ToEquatableArray());
        }

        private DocumentKind ParseRoot()
        {
            this.reader.MoveToContent();
            string ns = this.reader.NamespaceURI;
            string name = this.reader.LocalName;
            if (ns == XmlNamespaces.Wsdl && name == "definitions")
            {
                this.ParseDefinitions();
                return DocumentKind.Wsdl;
            }

            if (ns == XmlNamespaces.Schema && name == "schema")
            {
                this.ParseSchema();
                return DocumentKind.Schema;
            }

            this.Report(GeneratorDescriptors.NotWsdlOrSchema, this.Position(), this.path, name, ns);
            return DocumentKind.Invalid;
        }

        /// <summary>
        /// Yields each child element's local name, with the reader on it; the caller consumes the child
        /// (Skip or a nested walk). Leaves the reader after the parent's end tag.
        /// </summary>
        private IEnumerable<string> Children()
        {
            if (this.reader.IsEmptyElement)
            {
                this.reader.Read();
                yield break;
            }

            int depth = this.reader.Depth;
            this.reader.Read();
            while (this.reader.Depth > depth && !this.reader.EOF)
            {
                this.cancellationToken.ThrowIfCancellationRequested();
                if (this.reader.NodeType == XmlNodeType.Element)
                {
                    int line = this.lineInfo.LineNumber;
                    int column = this.lineInfo.LinePosition;
                    yield return this.reader.LocalName;
                    if (this.reader.NodeType == XmlNodeType.Element && this.lineInfo.LineNumber == line && this.lineInfo.LinePosition == column)
                    {
                        // The caller did not consume the child element.
                        this.reader.Skip();
                    }
                }
                else
                {
                    this.reader.Read();
                }
            }

            if (this.reader.NodeType == XmlNodeType.EndElement)
            {
                this.reader.Read();
            }
        }

        /// <summary>Skips an element that must not contain an inline type; reports one if it does.</summary>
        private bool SkipElementExpectingNoTypeChildren()
        {
            bool hasInlineType = false;
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI == XmlNamespaces.Schema && child == "annotation")
                {
                    this.reader.Skip();
                    continue;
                }

                hasInlineType = true;
                this.Unsupported("an inline type on a local element or attribute; name a global type instead");
            }

            return hasInlineType;
        }

        private void SkipDocumentationOrReport(string where)
        {
            if (this.reader.NamespaceURI == XmlNamespaces.Wsdl && this.reader.LocalName == "documentation")
            {
                this.reader.Skip();
            }
            else
            {
                this.Unsupported(where);
            }
        }

        /// <summary>Skips an xsd:annotation; anything else is reported. Returns whether it was reported.</summary>
        private bool SkipAnnotationOrReport(string where)
        {
            if (this.reader.NamespaceURI == XmlNamespaces.Schema && this.reader.LocalName == "annotation")
            {
                this.reader.Skip();
                return false;
            }

            this.Unsupported(where);
            return true;
        }

        private void AddReference(ReferenceKind kind, string attribute)
        {
            SourcePosition position = this.Position();
            string? location = this.RequiredAttribute(attribute);
            if (location != null)
            {
                this.references.Add(new DocumentReference(kind, location, position));
            }

            this.reader.Skip();
        }

        private string? RequiredAttribute(string name)
        {
            string? value = this.reader.GetAttribute(name);
            if (string.IsNullOrEmpty(value) || (name == "name" && !IsXmlName(value!)))
            {
                // Names become element and type names on the wire: they must be valid XML names.
                this.Report(GeneratorDescriptors.InvalidAttribute, this.Position(), this.reader.LocalName, name, value ?? string.Empty);
                return null;
            }

            return value;
        }

        private static bool IsXmlName(string value)
        {
            try
            {
                XmlConvert.VerifyNCName(value);
                return true;
            }
            catch (XmlException)
            {
                return false;
            }
        }

        /// <summary>Resolves a QName attribute by namespace URI (never by prefix text).</summary>
        private QualifiedName? QualifiedNameAttribute(string name, bool required)
        {
            string? value = this.reader.GetAttribute(name);
            if (value == null)
            {
                if (required)
                {
                    this.Report(GeneratorDescriptors.InvalidAttribute, this.Position(), this.reader.LocalName, name, string.Empty);
                }

                return null;
            }

            value = value.Trim();
            int colon = value.IndexOf(':');
            string prefix = colon < 0 ? string.Empty : value.Substring(0, colon);
            string local = colon < 0 ? value : value.Substring(colon + 1);
            string? ns = this.reader.LookupNamespace(prefix);
            if (ns == null || local.Length == 0)
            {
                this.Report(GeneratorDescriptors.InvalidAttribute, this.Position(), this.reader.LocalName, name, value);
                return null;
            }

            return new QualifiedName(ns, local);
        }

        /// <summary>Reads minOccurs/maxOccurs: default 1, "unbounded" is -1, int.MinValue on error.</summary>
        private int OccursAttribute(string name)
        {
            string? value = this.reader.GetAttribute(name);
            if (value == null)
            {
                return 1;
            }

            if (name == "maxOccurs" && value == "unbounded")
            {
                return -1;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int result) && (name == "minOccurs" || result > 0))
            {
                return result;
            }

            this.Report(GeneratorDescriptors.InvalidAttribute, this.Position(), this.reader.LocalName, name, value);
            return int.MinValue;
        }

        private void Unsupported(string where)
        {
            this.Report(GeneratorDescriptors.UnsupportedConstruct, this.Position(), this.reader.Name, where);
            this.reader.Skip();
        }

        /// <summary>The current node's position; for an element, its '&lt;' (the reader reports the name after it).</summary>
        private SourcePosition Position()
        {
            int column = this.lineInfo.LinePosition;
            return new SourcePosition(this.path, this.lineInfo.LineNumber, this.reader.NodeType == XmlNodeType.Element && column > 1 ? column - 1 : column);
        }

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourcePosition position, params string[] arguments)
            => this.diagnostics.Add(DiagnosticInfo.Create(descriptor, position, arguments));

        private sealed record PortTypeOperation(string Name, QualifiedName Input, QualifiedName Output, List<FaultRef> Faults, SourcePosition Position);
    }
}
