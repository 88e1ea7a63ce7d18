namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// What the managed-object model adds to a binding: typed property paths (one root class per managed object type, one
    /// path class per data type reachable from their properties) and, for the runtime's own binding, a typed view per
    /// managed object type. Null in <see cref="BindingModel.Objects"/> without a model.
    /// </summary>
    /// <param name="CSharpNamespace">The namespace of views and paths (the binding's plus <c>.Objects</c>).</param>
    /// <param name="ReferenceTypeName">The binding's ManagedObjectReference (<c>global::</c>-qualified), which views hold.</param>
    internal sealed record ObjectModel(
        string CSharpNamespace,
        string ReferenceTypeName,
        EquatableArray<ViewModel> Views,
        EquatableArray<PathTypeModel> PathTypes,
        bool EmitViews);

    /// <summary>
    /// A managed object type (VirtualMachine): its view class and base view, its root paths class and base, the types
    /// derived from it at any depth (none: the view is sealed), and its own properties (the inherited ones are the base's).
    /// </summary>
    internal sealed record ViewModel(
        string WireName,
        string CSharpName,
        string? BaseCSharpName,
        string PathsTypeName,
        string? BasePathsTypeName,
        EquatableArray<string> DerivedWireNames,
        EquatableArray<ViewPropertyModel> Properties)
    {
        /// <summary>Whether a type derives from this one (else the view and paths classes are sealed).</summary>
        public bool HasDerivedTypes => this.DerivedWireNames.Count > 0;
    }

    /// <summary>
    /// A property of a managed object type as a view property and a root path member: <see cref="ValueTypeName"/> is the
    /// value's C# type (one item for a list; value types nullable: <c>int?</c>), <see cref="PathTypeName"/> the type of
    /// its path member, <see cref="ManagedType"/> the managed type a reference points to (null when no reference).
    /// </summary>
    internal sealed record ViewPropertyModel(
        string WireName,
        string CSharpName,
        string ValueTypeName,
        bool IsArray,
        string PathTypeName,
        string? ManagedType);

    /// <summary>A data type reachable from a managed object property (VirtualMachineRuntimeInfo) as a path class.</summary>
    internal sealed record PathTypeModel(string CSharpName, string DataWireName, string ValueTypeName, EquatableArray<PathMemberModel> Members);

    /// <summary>A property of a data type as a member of its path class: the next step and the path type it returns.</summary>
    internal sealed record PathMemberModel(string WireName, string CSharpName, string PathTypeName);

    /// <summary>A managed object type declaring an operation, with the API version that introduced it and its privilege.</summary>
    internal sealed record ManagedMethodOrigin(string DeclaringType, string? Since, string? Privilege);
}
