using System.Collections.Generic;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Parsing
{
    /// <summary>The XSD part: includes and imports, complex types, enumerations and top-level elements.</summary>
    internal sealed partial class SchemaDocumentParser
    {
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
                    this.Report(GeneratorDescriptors.UnsupportedConstruct, this.Position(), "restriction", "simpleType '" + name + "' restricts '" + baseType.Name + "'; only xsd:string enumerations are supported");
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
                this.Report(GeneratorDescriptors.UnsupportedConstruct, position, "simpleType", "simpleType '" + name + "' has no enumeration values");
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
                this.Report(GeneratorDescriptors.InvalidAttribute, position, "element", "type", string.Empty);
                return;
            }

            this.elements.Add(new ElementDecl(new QualifiedName(targetNamespace, name), type, anonymous, position));
        }
    }
}
