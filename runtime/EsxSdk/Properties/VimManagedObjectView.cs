using System;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>
    /// The base of the generated typed views (<c>EsxSdk.Vim25.Objects.VirtualMachineView</c>): one managed object, the
    /// property values read for it, and which paths were read. A view is a snapshot; it does not change afterwards.
    /// Reading a property that was not retrieved throws <see cref="InvalidOperationException"/> naming it (a silent
    /// null would look like an unset property); a retrieved but unset property is null (an empty array for lists).
    /// </summary>
    public abstract class VimManagedObjectView
    {
        /// <summary>Makes a view from what the property collector returned for one object.</summary>
        /// <param name="reference">The object.</param>
        /// <param name="retrieved">Its values and what was asked for.</param>
        protected VimManagedObjectView(ManagedObjectReference reference, VimRetrievedProperties retrieved)
        {
            ArgumentNullException.ThrowIfNull(reference);
            ArgumentNullException.ThrowIfNull(retrieved);
            this.Reference = reference;
            this.Retrieved = retrieved;
        }

        /// <summary>The object this view shows.</summary>
        public ManagedObjectReference Reference { get; }

        /// <summary>What was retrieved: the values by path and which paths were asked for.</summary>
        public VimRetrievedProperties Retrieved { get; }

        /// <summary>The value of a retrieved path, nested ones included (<c>view.Get(VirtualMachineView.Paths.Runtime.PowerState)</c>).</summary>
        /// <typeparam name="T">The path's value type.</typeparam>
        /// <param name="path">A path that was retrieved for this view.</param>
        /// <exception cref="InvalidOperationException">The path was not retrieved.</exception>
        public T? Get<T>(VimPropertyPath<T> path)
        {
            ArgumentNullException.ThrowIfNull(path);
            return this.PropertyValue<T>(path.Path);
        }

        /// <summary>Shows the object's reference (<c>VirtualMachine:vm-42</c>).</summary>
        public override string ToString() => this.Reference.ToString();

        /// <summary>A generated property's value.</summary>
        /// <typeparam name="T">The property's type (nullable for value types).</typeparam>
        /// <param name="path">The property's wire name.</param>
        /// <exception cref="InvalidOperationException">The property was not retrieved.</exception>
        protected T? PropertyValue<T>(string path) => VimPropertyValue.As<T>(this.Retrieved.Value(path, this.Reference.ToString()), path);

        /// <summary>A generated list property's value: empty when unset.</summary>
        /// <typeparam name="T">The item type.</typeparam>
        /// <param name="path">The property's wire name.</param>
        /// <exception cref="InvalidOperationException">The property was not retrieved.</exception>
        protected T[] PropertyValues<T>(string path) => VimPropertyValue.AsArray<T>(this.Retrieved.Value(path, this.Reference.ToString()), path);
    }
}
