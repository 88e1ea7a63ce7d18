using System;

namespace EsxSdk.Properties
{
    /// <summary>
    /// A property path of a managed object (<c>runtime.powerState</c>), as the property collector takes it. The generated
    /// typed paths (<c>VirtualMachineView.Paths.Runtime.PowerState</c>) are <see cref="VimPropertyPath{T}"/>, which also
    /// carry the type of the value; this base lets a list of paths of different value types be given at once.
    /// </summary>
    public abstract class VimPropertyPath
    {
        /// <summary>Makes a path from its dotted wire form.</summary>
        /// <param name="path">The path as the property collector takes it, e.g. <c>summary.config.guestFullName</c>.</param>
        private protected VimPropertyPath(string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            this.Path = path;
        }

        /// <summary>The path as the property collector takes it (<c>runtime.powerState</c>).</summary>
        public string Path { get; }

        /// <summary>Extends the path by one property name: the path of a member of this path's value.</summary>
        /// <param name="name">The member's wire name (<c>powerState</c>).</param>
        protected string Child(string name) => this.Path + "." + name;

        /// <summary>The path as the property collector takes it.</summary>
        public override string ToString() => this.Path;
    }
}
