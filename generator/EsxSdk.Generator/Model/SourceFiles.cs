namespace EsxSdk.Generator.Model
{
    /// <summary>The binding split into the source files to emit (see Linking/SourceFileLayout).</summary>
    internal sealed record SourceFiles(EquatableArray<SourceChunk> Types, EquatableArray<OperationChunk> Service, RegistryFile? Registry, EquatableArray<ObjectChunk> Objects = default);

    /// <summary>
    /// A slice of the typed views and paths emitted as one source file: managed object types (their root paths and, when
    /// <see cref="EmitViews"/>, their views) or path classes of data types.
    /// </summary>
    internal sealed record ObjectChunk(
        string HintName,
        string CSharpNamespace,
        string ReferenceTypeName,
        bool EmitViews,
        EquatableArray<ViewModel> Views,
        EquatableArray<PathTypeModel> PathTypes);

    /// <summary>A slice of the binding's classes or enums emitted as one source file.</summary>
    internal sealed record SourceChunk(
        string HintName,
        string CSharpNamespace,
        string TargetNamespace,
        EquatableArray<ClassModel> Classes,
        EquatableArray<EnumModel> Enums);

    /// <summary>A slice of the operations emitted as one source file (a part of the service class; the first declares its members).</summary>
    internal sealed record OperationChunk(
        string HintName,
        string CSharpNamespace,
        string ServiceTypeName,
        string WsdlApiVersion,
        bool IsFirst,
        EquatableArray<OperationModel> Operations,
        bool EmitTaskWrappers);

    /// <summary>
    /// The type registry's source file: the wire types it creates (data objects and faults, not response elements),
    /// the anyType values it reads (enums, ArrayOfX) and writes, and the fault detail elements.
    /// </summary>
    internal sealed record RegistryFile(
        string HintName,
        string CSharpNamespace,
        string TypeName,
        string TargetNamespace,
        EquatableArray<ClassModel> Classes,
        EquatableArray<EnumModel> Enums,
        EquatableArray<ArrayTypeModel> ArrayTypes,
        EquatableArray<ArrayTypeModel> WrittenArrayTypes,
        EquatableArray<FaultElementModel> FaultElements);

    /// <summary>The XmlSerializer twins' source files (bench/ only): the types in chunks, and the contract class.</summary>
    internal sealed record XmlSerializerTwinFiles(EquatableArray<SourceChunk> Types, string ContractHintName, string ContractTypeName, BindingModel Model);
}
