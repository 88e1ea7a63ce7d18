namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// What one managed-object model file (AdditionalFiles item <c>VimManagedObjects</c>) says: the managed object types
    /// with their base, properties and methods, as wire names. Without positions (a shifted line leaves it equal); only
    /// its diagnostics carry them. A file that cannot be read has no types and a diagnostic saying why.
    /// </summary>
    internal sealed record ManagedObjectDocument(
        string Path,
        EquatableArray<ManagedObjectTypeDecl> Types,
        EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>A managed object type (VirtualMachine) and the managed type it derives from (ManagedEntity), if any.</summary>
    internal sealed record ManagedObjectTypeDecl(
        string Name,
        string? Base,
        EquatableArray<ManagedPropertyDecl> Properties,
        EquatableArray<ManagedMethodDecl> Methods);

    /// <summary>
    /// A type the model names: its wire name, its kind (<c>data</c>, <c>enum</c>, <c>managed</c>, <c>primitive</c>) and
    /// whether it is a list.
    /// </summary>
    internal sealed record ManagedTypeRef(string Name, string Kind, bool IsArray);

    /// <summary>A property of a managed object type (VirtualMachine.runtime).</summary>
    internal sealed record ManagedPropertyDecl(string Name, ManagedTypeRef Type, bool IsOptional);

    /// <summary>
    /// A method of a managed object type. <see cref="IsTask"/> when the model records a task result for it;
    /// <see cref="TaskResult"/> is that result, null for a task without one. <see cref="Since"/> is the API version that
    /// introduced it and <see cref="Privilege"/> the privilege it needs (null when the model names none).
    /// </summary>
    internal sealed record ManagedMethodDecl(string Name, bool IsTask, ManagedTypeRef? TaskResult, string? Since = null, string? Privilege = null);
}
