using System;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>An inventory object a <see cref="VimFinder"/> found: its reference, name and inventory path.</summary>
    public sealed class VimInventoryItem
    {
        internal VimInventoryItem(ManagedObjectReference reference, string name, VimInventoryItem? parent)
        {
            this.Reference = reference;
            this.Name = name;
            this.Parent = parent;
            this.Path = parent is null ? "/" : (parent.Parent is null ? "/" : parent.Path + "/") + name;
        }

        /// <summary>The managed object.</summary>
        public ManagedObjectReference Reference { get; }

        /// <summary>The managed object type, e.g. <c>VirtualMachine</c> (the reference's type).</summary>
        public string Type => this.Reference.Type;

        /// <summary>The object's name as the server reports it (a <c>/</c> in a name is escaped as <c>%2f</c>).</summary>
        public string Name { get; }

        /// <summary>
        /// The absolute inventory path by which the object was found, e.g. <c>/DC0/vm/web01</c>; <c>/</c> for the root folder.
        /// An object reachable two ways (a VM in its folder and in its resource pool) has the path of the way it was found.
        /// </summary>
        public string Path { get; }

        /// <summary>The item one level up the path (what <c>..</c> leads to); null for the root folder.</summary>
        internal VimInventoryItem? Parent { get; }

        /// <summary>The path, the type and the reference, e.g. <c>/DC0/vm/web01 (VirtualMachine vm-42)</c>.</summary>
        public override string ToString() => this.Path + " (" + this.Type + " " + this.Reference.Value + ")";
    }
}
