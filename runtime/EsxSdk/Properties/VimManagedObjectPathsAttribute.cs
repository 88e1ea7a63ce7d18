using System;

namespace EsxSdk.Properties
{
    /// <summary>
    /// Marks a generated root paths class (<c>VirtualMachinePaths</c>) with the managed object type whose properties its
    /// members are (<c>VirtualMachine</c>). The analyzers read it to find the paths of the type a property spec names.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class VimManagedObjectPathsAttribute(string managedObjectType) : Attribute
    {
        /// <summary>The managed object type's wire name, e.g. <c>VirtualMachine</c>.</summary>
        public string ManagedObjectType { get; } = managedObjectType;
    }
}
