namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// The linked vim25 binding: every generated type, named for C#, ready to emit. Free of diagnostics (they travel
    /// beside it in <see cref="LinkResult"/>), so a diagnostic that moves does not make the binding look changed.
    /// Every name in it is final: emitters print, they do not choose.
    /// </summary>
    /// <param name="ServiceTypeName">The class with a method per operation (VimService).</param>
    /// <param name="RegistryTypeName">The class mapping wire type names to generated types (VimTypeRegistry).</param>
    /// <param name="WrittenArrayTypes">
    /// The ArrayOfX type each C# array type is written as when it is an anyType value: one per C# array type, most
    /// derived item types first (so a VirtualDisk[] is not written as ArrayOfVirtualDevice), object[] last.
    /// </param>
    /// <param name="Objects">The typed views and property paths from the managed-object model; null without one.</param>
    internal sealed record BindingModel(
        string CSharpNamespace,
        string TargetNamespace,
        string ServiceTypeName,
        string RegistryTypeName,
        EquatableArray<ClassModel> Classes,
        EquatableArray<EnumModel> Enums,
        EquatableArray<ArrayTypeModel> ArrayTypes,
        EquatableArray<ArrayTypeModel> WrittenArrayTypes,
        EquatableArray<OperationModel> Operations,
        EquatableArray<FaultElementModel> FaultElements,
        string WsdlApiVersion,
        bool EmitTaskWrappers,
        ObjectModel? Objects = null);

    internal enum ValueKind
    {
        Primitive,
        Enum,
        Object,
        AnyType,
    }

    /// <summary>
    /// How a member's value is typed: <see cref="TypeName"/> is the C# type of one item
    /// (global::-qualified for generated types), <see cref="WireType"/> the XSD type's local name,
    /// <see cref="Primitive"/> the runtime reader/writer suffix for xsd primitives (e.g. "Int32").
    /// </summary>
    internal sealed record MemberType(ValueKind Kind, string TypeName, string WireType, string? Primitive, bool IsValueType, int Depth);

    /// <summary>An XSD element member as a C# property.</summary>
    internal sealed record PropertyModel(string WireName, string CSharpName, MemberType Type, bool IsArray, bool IsOptional);

    /// <summary>
    /// An XSD attribute of a simpleContent type (the ManagedObjectReference 'type'): its property, the field behind it
    /// and its constructor parameter.
    /// </summary>
    internal sealed record AttributeModel(string WireName, string CSharpName, MemberType Type, bool IsRequired, string FieldName, string ParameterName);

    internal sealed record ClassModel(
        string WireName,
        string CSharpName,
        string? BaseWireName,
        string? BaseCSharpName,
        bool HasDerivedTypes,
        bool IsFault,
        bool IsSimpleContent,
        bool IsResponse,
        int Depth,
        EquatableArray<PropertyModel> Properties,
        EquatableArray<AttributeModel> Attributes)
    {
        public bool IsRoot => this.BaseCSharpName == null;
    }

    internal sealed record EnumMemberModel(string WireValue, string CSharpName);

    internal sealed record EnumModel(string WireName, string CSharpName, EquatableArray<EnumMemberModel> Members);

    /// <summary>
    /// An ArrayOfX wrapper type: only used as an xsi:type of anyType values; mapped to X[]. <see cref="CSharpName"/>
    /// names the class the XmlSerializer twins declare for it (the binding itself declares none).
    /// </summary>
    internal sealed record ArrayTypeModel(string WireName, string CSharpName, string ItemElementName, MemberType ItemType);

    /// <summary>A fault detail element (e.g. InvalidPropertyFault) and the fault type it carries.</summary>
    internal sealed record FaultElementModel(string ElementName, string TypeWireName);
}
