namespace EsxSdk.Generator.Model
{
    /// <summary>What one WSDL or XSD file says, before files are linked: strings and positions only.</summary>
    internal sealed record SchemaDocument(
        string Path,
        DocumentKind Kind,
        EquatableArray<DocumentReference> References,
        EquatableArray<ComplexTypeDecl> ComplexTypes,
        EquatableArray<EnumTypeDecl> EnumTypes,
        EquatableArray<ElementDecl> Elements,
        EquatableArray<MessageDecl> Messages,
        EquatableArray<OperationDecl> Operations,
        EquatableArray<DiagnosticInfo> Diagnostics);

    internal enum DocumentKind
    {
        /// <summary>Not readable as WSDL or XSD (a diagnostic says why).</summary>
        Invalid,
        Wsdl,
        Schema,
    }

    /// <summary>A position in a file, 1-based as editors show it.</summary>
    internal sealed record SourcePosition(string Path, int Line, int Column);

    internal sealed record QualifiedName(string Namespace, string Name)
    {
        public override string ToString() => this.Namespace.Length == 0 ? this.Name : "{" + this.Namespace + "}" + this.Name;
    }

    internal enum ReferenceKind
    {
        WsdlImport,
        SchemaInclude,
        SchemaImport,
    }

    /// <summary>A wsdl:import, xsd:include or xsd:import naming another file by location.</summary>
    internal sealed record DocumentReference(ReferenceKind Kind, string Location, SourcePosition Position);

    internal enum ContentKind
    {
        /// <summary>A sequence of child elements (possibly empty).</summary>
        Sequence,

        /// <summary>Text content plus attributes (ManagedObjectReference).</summary>
        SimpleContent,
    }

    /// <summary>An xsd:complexType, named or the anonymous type of a top-level element.</summary>
    internal sealed record ComplexTypeDecl(
        QualifiedName Name,
        QualifiedName? BaseType,
        ContentKind Content,
        EquatableArray<ElementMember> Elements,
        EquatableArray<AttributeMember> Attributes,
        SourcePosition Position);

    /// <summary>An element in a sequence. MaxOccurs of -1 means unbounded.</summary>
    internal sealed record ElementMember(string Name, QualifiedName Type, int MinOccurs, int MaxOccurs, SourcePosition Position)
    {
        public bool IsRepeated => this.MaxOccurs != 1;

        public bool IsOptional => this.MinOccurs == 0;
    }

    internal sealed record AttributeMember(string Name, QualifiedName Type, bool IsRequired, SourcePosition Position);

    /// <summary>An xsd:simpleType restricting a string to a list of values.</summary>
    internal sealed record EnumTypeDecl(QualifiedName Name, EquatableArray<string> Values, SourcePosition Position);

    /// <summary>A top-level xsd:element, typed by name or by an anonymous complex type.</summary>
    internal sealed record ElementDecl(QualifiedName Name, QualifiedName? Type, ComplexTypeDecl? AnonymousType, SourcePosition Position);

    /// <summary>A wsdl:message with its single document/literal part.</summary>
    internal sealed record MessageDecl(QualifiedName Name, QualifiedName? Element, SourcePosition Position);

    internal sealed record FaultRef(string Name, QualifiedName Message);

    /// <summary>A wsdl:portType operation, with the SOAP action of its binding when known.</summary>
    internal sealed record OperationDecl(
        string Name,
        QualifiedName Input,
        QualifiedName Output,
        EquatableArray<FaultRef> Faults,
        string? SoapAction,
        SourcePosition Position);
}
