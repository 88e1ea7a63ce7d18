namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// The linked vim25 binding: every generated type, named for C#, ready to emit. Free of diagnostics (they travel
    /// beside it in <see cref="LinkResult"/>), so a diagnostic that moves does not make the binding look changed.
    /// </summary>
    internal sealed record BindingModel(
        string CSharpNamespace,
        string TargetNamespace,
        EquatableArray<ClassModel> Classes,
        EquatableArray<EnumModel> Enums,
        EquatableArray<ArrayTypeModel> ArrayTypes,
        EquatableArray<OperationModel> Operations,
        EquatableArray<FaultElementModel> FaultElements,
        string WsdlApiVersion,
        bool EmitTaskWrappers);

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

    /// <summary>An XSD attribute of a simpleContent type (the ManagedObjectReference 'type').</summary>
    internal sealed record AttributeModel(string WireName, string CSharpName, MemberType Type, bool IsRequired);

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

    /// <summary>An ArrayOfX wrapper type: only used as an xsi:type of anyType values; mapped to X[].</summary>
    internal sealed record ArrayTypeModel(string WireName, string ItemElementName, MemberType ItemType);

    /// <summary>A method parameter, filling one member of the operation's request type.</summary>
    internal sealed record ParameterModel(string CSharpName, PropertyModel Member);

    /// <summary>
    /// A port type operation: the request element and type, parameters, the response class and its
    /// <c>returnval</c> member (null for operations without a result), and the declared faults.
    /// </summary>
    internal sealed record OperationModel(
        string WireName,
        string MethodName,
        string RequestElement,
        string RequestTypeName,
        EquatableArray<ParameterModel> Parameters,
        string ResponseTypeName,
        PropertyModel? Return,
        EquatableArray<string> Faults,
        TaskWrapperModel? TaskWrapper = null)
    {
        public bool IsTask => this.WireName.EndsWith("_Task", System.StringComparison.Ordinal);
    }

    /// <summary>What a <c>*_Task</c> operation's <c>info.result</c> holds, as far as the API reference says.</summary>
    internal enum TaskResultShape
    {
        /// <summary>Not documented here: the wrapper returns the result as <c>object?</c>.</summary>
        Unknown,

        /// <summary>The task has no result: the wrapper returns a plain Task.</summary>
        None,

        /// <summary>One object of <see cref="TaskWrapperModel.ResultTypeName"/>, always present on success.</summary>
        Single,

        /// <summary>An array of <see cref="TaskWrapperModel.ResultTypeName"/> (empty when absent).</summary>
        Array,
    }

    /// <summary>
    /// The question-aware wrapper of a <c>*_Task</c> operation: its method name, the result it returns, and the
    /// parameters naming VMs to pre-check (<c>_this</c> is checked when it is a VirtualMachine at run time).
    /// </summary>
    internal sealed record TaskWrapperModel(string MethodName, TaskResultShape Shape, string ResultTypeName, EquatableArray<string> TargetParameters);

    /// <summary>A fault detail element (e.g. InvalidPropertyFault) and the fault type it carries.</summary>
    internal sealed record FaultElementModel(string ElementName, string TypeWireName);

    /// <summary>A slice of the operations emitted as one source file (part of the service class).</summary>
    internal sealed record OperationChunk(string HintName, string CSharpNamespace, string WsdlApiVersion, bool IsFirst, EquatableArray<OperationModel> Operations, bool EmitTaskWrappers = false);

    /// <summary>A slice of the binding emitted as one source file.</summary>
    internal sealed record SourceChunk(
        string HintName,
        string CSharpNamespace,
        string TargetNamespace,
        EquatableArray<ClassModel> Classes,
        EquatableArray<EnumModel> Enums);
}
