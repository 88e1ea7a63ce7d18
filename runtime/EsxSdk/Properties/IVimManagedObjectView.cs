using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>
    /// What the typed retrieval (<see cref="TypedPropertyExtensions"/>) needs of a generated view type, without reflection:
    /// its managed object type and how to make one from the retrieved values.
    /// </summary>
    /// <typeparam name="TView">The view type itself.</typeparam>
    public interface IVimManagedObjectView<TView>
        where TView : VimManagedObjectView
    {
        /// <summary>The managed object type the view reads (<c>VirtualMachine</c>), as the property collector names it.</summary>
        static abstract string ManagedObjectType { get; }

        /// <summary>
        /// Whether the view can show an object of <paramref name="managedObjectType"/>: its own type or one derived from it in the
        /// managed-object model (a <c>ComputeResourceView</c> shows a <c>ClusterComputeResource</c>).
        /// </summary>
        /// <param name="managedObjectType">The object's type, as its reference names it.</param>
        static abstract bool IsViewOf(string managedObjectType);

        /// <summary>Makes the view of one object from what the property collector returned for it.</summary>
        /// <param name="reference">The object.</param>
        /// <param name="retrieved">Its values and what was asked for.</param>
        static abstract TView Create(ManagedObjectReference reference, VimRetrievedProperties retrieved);
    }
}
