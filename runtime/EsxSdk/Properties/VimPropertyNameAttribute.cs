using System;

namespace EsxSdk.Properties
{
    /// <summary>
    /// Marks a member of a generated property-path class with the wire name of the property it steps to (the member
    /// <c>PowerState</c> of <c>VirtualMachineRuntimeInfoPath</c> is <c>powerState</c>). The analyzers read it to check
    /// property path strings (ESX0005) and to name the typed path of a string (ESX0006).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class VimPropertyNameAttribute(string name) : Attribute
    {
        /// <summary>The property's wire name, e.g. <c>powerState</c>.</summary>
        public string Name { get; } = name;
    }
}
