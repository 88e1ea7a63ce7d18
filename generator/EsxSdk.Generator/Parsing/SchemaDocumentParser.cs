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
    internal sealed class SchemaDocumentParser
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
                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.MalformedXml, position, path, ex.Message);
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

            this.Report(DiagnosticDescriptors.NotWsdlOrSchema, this.Position(), this.path, name, ns);
            return DocumentKind.Invalid;
        }

        private void ParseDefinitions()
        {
            string targetNamespace = this.reader.GetAttribute("targetNamespace") ?? string.Empty;
            foreach (string child in this.Children())
            {
                switch (this.reader.NamespaceURI == XmlNamespaces.Wsdl ? child : null)
                {
                    case "import":
                        this.AddReference(ReferenceKind.WsdlImport, "location");
                        break;
                    case "types":
                        this.ParseTypes();
                        break;
                    case "message":
                        this.ParseMessage(targetNamespace);
                        break;
                    case "portType":
                        this.ParsePortType();
                        break;
                    case "binding":
                        this.ParseBinding();
                        break;
                    case "service":
                    case "documentation":
                        // The endpoint address comes from the caller, never from the WSDL.
                        this.reader.Skip();
                        break;
                    default:
                        this.Unsupported("a WSDL definitions child");
                        break;
                }
            }
        }

        private void ParseTypes()
        {
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI == XmlNamespaces.Schema && child == "schema")
                {
                    this.ParseSchema();
                }
                else if (this.reader.NamespaceURI == XmlNamespaces.Wsdl && child == "documentation")
                {
                    this.reader.Skip();
                }
                else
                {
                    this.Unsupported("a WSDL types child");
                }
            }
        }

        private void ParseMessage(string targetNamespace)
        {
            SourcePosition position = this.Position();
            string? name = this.RequiredAttribute("name");
            QualifiedName? element = null;
            int parts = 0;
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI == XmlNamespaces.Wsdl && child == "part")
                {
                    parts++;
                    if (parts > 1)
                    {
                        this.Unsupported("a second message part; document/literal messages have one");
                        continue;
                    }

                    element = this.QualifiedNameAttribute("element", required: true);
                    this.reader.Skip();
                }
                else
                {
                    this.SkipDocumentationOrReport("a WSDL message child");
                }
            }

            if (name != null)
            {
                this.messages.Add(new MessageDecl(new QualifiedName(targetNamespace, name), element, position));
            }
        }

        private void ParsePortType()
        {
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI != XmlNamespaces.Wsdl || child != "operation")
                {
                    this.SkipDocumentationOrReport("a WSDL portType child");
                    continue;
                }

                SourcePosition position = this.Position();
                string? name = this.RequiredAttribute("name");
                QualifiedName? input = null;
                QualifiedName? output = null;
                var faults = new List<FaultRef>();
                foreach (string part in this.Children())
                {
                    switch (this.reader.NamespaceURI == XmlNamespaces.Wsdl ? part : null)
                    {
                        case "input":
                            input = this.QualifiedNameAttribute("message", required: true);
                            this.reader.Skip();
                            break;
                        case "output":
                            output = this.QualifiedNameAttribute("message", required: true);
                            this.reader.Skip();
                            break;
                        case "fault":
                            string? faultName = this.RequiredAttribute("name");
                            QualifiedName? faultMessage = this.QualifiedNameAttribute("message", required: true);
                            if (faultName != null && faultMessage != null)
                            {
                                faults.Add(new FaultRef(faultName, faultMessage));
                            }

                            this.reader.Skip();
                            break;
                        default:
                            this.SkipDocumentationOrReport("a WSDL operation child");
                            break;
                    }
                }

                if (name != null && input != null && output != null)
                {
                    this.portTypeOperations.Add(new PortTypeOperation(name, input, output, faults, position));
                }
                else if (name != null && (input == null || output == null))
                {
                    this.Report(DiagnosticDescriptors.UnsupportedConstruct, position, "operation", "operation '" + name + "' needs both input and output");
                }
            }
        }

        private void ParseBinding()
        {
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI == XmlNamespaces.Wsdl && child == "operation")
                {
                    string? name = this.reader.GetAttribute("name");
                    foreach (string part in this.Children())
                    {
                        if (this.reader.NamespaceURI == XmlNamespaces.WsdlSoap && part == "operation" && name != null)
                        {
                            string? action = this.reader.GetAttribute("soapAction");
                            if (action != null)
                            {
                                this.soapActions[name] = action;
                            }
                        }

                        this.reader.Skip();
                    }
                }
                else
                {
                    // soap:binding and documentation carry nothing the generated client needs.
                    this.reader.Skip();
                }
            }
        }

        private void ParseSchema()
        {
            string targetNamespace = this.reader.GetAttribute("targetNamespace") ?? string.Empty;
            foreach (string child in this.Children())
            {
                switch (this.reader.NamespaceURI == XmlNamespaces.Schema ? child : null)
                {
                    case "include":
                        this.AddReference(ReferenceKind.SchemaInclude, "schemaLocation");
                        break;
                    case "import":
                        if (this.reader.GetAttribute("schemaLocation") != null)
                        {
                            this.AddReference(ReferenceKind.SchemaImport, "schemaLocation");
                        }
                        else
                        {
                            // An import naming only a namespace (e.g. the XSD namespace) has no file to follow.
                            this.reader.Skip();
                        }

                        break;
                    case "complexType":
                        SourcePosition position = this.Position();
                        string? typeName = this.RequiredAttribute("name");
                        ComplexTypeDecl? type = this.ParseComplexType(new QualifiedName(targetNamespace, typeName ?? string.Empty), position);
                        if (typeName != null && type != null)
                        {
                            this.complexTypes.Add(type);
                        }

                        break;
                    case "simpleType":
                        this.ParseSimpleType(targetNamespace);
                        break;
                    case "element":
                        this.ParseTopLevelElement(targetNamespace);
                        break;
                    case "annotation":
                        this.reader.Skip();
                        break;
                    default:
                        this.Unsupported("a schema child");
                        break;
                }
            }
        }

        private ComplexTypeDecl? ParseComplexType(QualifiedName name, SourcePosition position)
        {
            QualifiedName? baseType = null;
            var content = ContentKind.Sequence;
            var members = new List<ElementMember>();
            var attributes = new List<AttributeMember>();
            bool valid = true;
            foreach (string child in this.Children())
            {
                switch (this.reader.NamespaceURI == XmlNamespaces.Schema ? child : null)
                {
                    case "sequence":
                        this.ParseSequence(members);
                        break;
                    case "complexContent":
                    case "simpleContent":
                        content = child == "simpleContent" ? ContentKind.SimpleContent : ContentKind.Sequence;
                        valid &= this.ParseContentExtension(child, members, attributes, ref baseType);
                        break;
                    case "attribute":
                        this.ParseAttribute(attributes);
                        break;
                    case "annotation":
                        this.reader.Skip();
                        break;
                    default:
                        valid = false;
                        this.Unsupported("a complexType child of '" + name.Name + "'");
                        break;
                }
            }

            return valid
                ? new ComplexTypeDecl(name, baseType, content, members.ToEquatableArray(), attributes.ToEquatableArray(), position)
                : null;
        }

        private bool ParseContentExtension(string contentName, List<ElementMember> members, List<AttributeMember> attributes, ref QualifiedName? baseType)
        {
            bool valid = true;
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI != XmlNamespaces.Schema || child != "extension")
                {
                    valid &= !this.SkipAnnotationOrReport("a " + contentName + " child; only extension is supported");
                    continue;
                }

                baseType = this.QualifiedNameAttribute("base", required: true);
                valid &= baseType != null;
                foreach (string part in this.Children())
                {
                    switch (this.reader.NamespaceURI == XmlNamespaces.Schema ? part : null)
                    {
                        case "sequence" when contentName == "complexContent":
                            this.ParseSequence(members);
                            break;
                        case "attribute":
                            this.ParseAttribute(attributes);
                            break;
                        case "annotation":
                            this.reader.Skip();
                            break;
                        default:
                            valid = false;
                            this.Unsupported("an extension child in " + contentName);
                            break;
                    }
                }
            }

            return valid;
        }

        private void ParseSequence(List<ElementMember> members)
        {
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI != XmlNamespaces.Schema || child != "element")
                {
                    this.SkipAnnotationOrReport("a sequence child; only element is supported");
                    continue;
                }

                SourcePosition position = this.Position();
                if (this.reader.GetAttribute("ref") != null)
                {
                    this.Unsupported("an element reference (ref=); elements need name and type");
                    continue;
                }

                string? name = this.RequiredAttribute("name");
                QualifiedName? type = this.QualifiedNameAttribute("type", required: true);
                int minOccurs = this.OccursAttribute("minOccurs");
                int maxOccurs = this.OccursAttribute("maxOccurs");
                bool hasInlineType = this.SkipElementExpectingNoTypeChildren();
                if (hasInlineType)
                {
                    continue;
                }

                if (name != null && type != null && minOccurs != int.MinValue && maxOccurs != int.MinValue)
                {
                    members.Add(new ElementMember(name, type, minOccurs, maxOccurs, position));
                }
            }
        }

        private void ParseAttribute(List<AttributeMember> attributes)
        {
            SourcePosition position = this.Position();
            string? name = this.RequiredAttribute("name");
            QualifiedName? type = this.QualifiedNameAttribute("type", required: true);
            bool required = this.reader.GetAttribute("use") == "required";
            if (!this.SkipElementExpectingNoTypeChildren() && name != null && type != null)
            {
                attributes.Add(new AttributeMember(name, type, required, position));
            }
        }

        private void ParseSimpleType(string targetNamespace)
        {
            SourcePosition position = this.Position();
            string? name = this.RequiredAttribute("name");
            var values = new List<string>();
            bool sawRestriction = false;
            bool valid = true;
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI != XmlNamespaces.Schema || child != "restriction")
                {
                    valid &= !this.SkipAnnotationOrReport("a simpleType child; only restriction with enumerations is supported");
                    continue;
                }

                sawRestriction = true;
                QualifiedName? baseType = this.QualifiedNameAttribute("base", required: true);
                if (baseType != null && baseType != new QualifiedName(XmlNamespaces.Schema, "string"))
                {
                    valid = false;
                    this.Report(DiagnosticDescriptors.UnsupportedConstruct, this.Position(), "restriction", "simpleType '" + name + "' restricts '" + baseType.Name + "'; only xsd:string enumerations are supported");
                }

                foreach (string facet in this.Children())
                {
                    if (this.reader.NamespaceURI == XmlNamespaces.Schema && facet == "enumeration")
                    {
                        string? value = this.RequiredAttribute("value");
                        if (value != null)
                        {
                            values.Add(value);
                        }

                        this.reader.Skip();
                    }
                    else
                    {
                        valid &= !this.SkipAnnotationOrReport("a restriction facet; only enumeration is supported");
                    }
                }
            }

            if (valid && sawRestriction && values.Count == 0)
            {
                valid = false;
                this.Report(DiagnosticDescriptors.UnsupportedConstruct, position, "simpleType", "simpleType '" + name + "' has no enumeration values");
            }

            if (valid && sawRestriction && name != null)
            {
                this.enumTypes.Add(new EnumTypeDecl(new QualifiedName(targetNamespace, name), values.ToEquatableArray(), position));
            }
        }

        private void ParseTopLevelElement(string targetNamespace)
        {
            SourcePosition position = this.Position();
            string? name = this.RequiredAttribute("name");
            QualifiedName? type = this.QualifiedNameAttribute("type", required: false);
            ComplexTypeDecl? anonymous = null;
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI == XmlNamespaces.Schema && child == "complexType" && type == null && anonymous == null)
                {
                    anonymous = this.ParseComplexType(new QualifiedName(targetNamespace, name ?? string.Empty), this.Position());
                }
                else
                {
                    this.SkipAnnotationOrReport("an element child; only one anonymous complexType is supported");
                }
            }

            if (name == null)
            {
                return;
            }

            if (type == null && anonymous == null)
            {
                this.Report(DiagnosticDescriptors.InvalidAttribute, position, "element", "type", string.Empty);
                return;
            }

            this.elements.Add(new ElementDecl(new QualifiedName(targetNamespace, name), type, anonymous, position));
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
                this.Report(DiagnosticDescriptors.InvalidAttribute, this.Position(), this.reader.LocalName, name, value ?? string.Empty);
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
                    this.Report(DiagnosticDescriptors.InvalidAttribute, this.Position(), this.reader.LocalName, name, string.Empty);
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
                this.Report(DiagnosticDescriptors.InvalidAttribute, this.Position(), this.reader.LocalName, name, value);
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

            this.Report(DiagnosticDescriptors.InvalidAttribute, this.Position(), this.reader.LocalName, name, value);
            return int.MinValue;
        }

        private void Unsupported(string where)
        {
            this.Report(DiagnosticDescriptors.UnsupportedConstruct, this.Position(), this.reader.Name, where);
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
