using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>
    /// Reads the inventory for the finder and the listing helpers: the whole tree below a root (a container view where the server
    /// has one, else traversal specs), one level of children of many parents, and inventory paths by ancestry; each in one
    /// paged retrieval.
    /// </summary>
    internal static class VimInventoryListing
    {
        /// <summary>
        /// Every object of <paramref name="type"/> below <paramref name="root"/> with the given properties, each once. Uses a container view
        /// when <paramref name="useContainerViews"/> and the server has a view manager that creates one; otherwise (no view manager,
        /// or CreateContainerView refused as unsupported) the traversal specs of <see cref="VimInventoryTraversal.Tree"/>, after calling
        /// <paramref name="onViewsUnavailable"/> when the server refused.
        /// </summary>
        public static async IAsyncEnumerable<ObjectContent> ListTreeAsync(
            VimClient client,
            string type,
            IReadOnlyList<string> properties,
            ManagedObjectReference root,
            int? pageSize,
            bool useContainerViews,
            System.Action? onViewsUnavailable,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            VimContainerView? view = useContainerViews ? await TryCreateViewAsync(client, root, type, onViewsUnavailable, cancellationToken).ConfigureAwait(false) : null;
            await using (view)
            {
                PropertyFilterSpec spec = view is not null ? view.FilterSpec(type, properties) : VimInventoryTraversal.Tree(root, type, properties);
                var seen = new HashSet<ManagedObjectReference>();
                await foreach (ObjectContent content in client.RetrieveAsync([spec], pageSize, cancellationToken).ConfigureAwait(false))
                {
                    // Traversal reaches a VM both through its folder and through its resource pool; report it once.
                    if (content.Obj is { } obj && seen.Add(obj))
                    {
                        yield return content;
                    }
                }
            }
        }

        /// <summary>
        /// The children of every parent (folder entries, a datacenter's four folders, a compute resource's hosts and root pool,
        /// a pool's child pools and VMs), in the parents' order and each parent's child order, with their names, in one retrieval.
        /// </summary>
        public static async Task<List<VimInventoryItem>> ListChildrenAsync(VimClient client, IReadOnlyList<VimInventoryItem> parents, CancellationToken cancellationToken)
        {
            var children = new List<VimInventoryItem>();
            var containers = new List<VimInventoryItem>();
            foreach (VimInventoryItem parent in parents)
            {
                if (VimInventoryTypes.ChildProperties(parent.Type).Length > 0)
                {
                    containers.Add(parent);
                }
            }

            if (containers.Count == 0)
            {
                return children;
            }

            var read = new Dictionary<ManagedObjectReference, Dictionary<string, object?>>();
            await foreach (ObjectContent content in client.RetrieveAsync([VimInventoryTraversal.Children(containers.ConvertAll(c => c.Reference))], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (content.Obj is { } obj)
                {
                    read[obj] = PropertiesOf(content.EnsureComplete());
                }
            }

            foreach (VimInventoryItem parent in containers)
            {
                if (!read.TryGetValue(parent.Reference, out Dictionary<string, object?>? parentProperties))
                {
                    continue;
                }

                foreach (string childProperty in VimInventoryTypes.ChildProperties(parent.Type))
                {
                    foreach (ManagedObjectReference child in References(parentProperties.GetValueOrDefault(childProperty)))
                    {
                        // A child the session may not see is not returned; it is not listed either.
                        if (read.TryGetValue(child, out Dictionary<string, object?>? childProperties) && childProperties.GetValueOrDefault("name") is string name)
                        {
                            children.Add(new VimInventoryItem(child, name, parent));
                        }
                    }
                }
            }

            return children;
        }

        /// <summary>The objects as inventory items with their paths, built from their ancestors (read in one retrieval), in the given order.</summary>
        public static async Task<List<VimInventoryItem>> WithPathsAsync(VimClient client, IReadOnlyList<ManagedObjectReference> objects, CancellationToken cancellationToken)
        {
            var items = new List<VimInventoryItem>();
            if (objects.Count == 0)
            {
                return items;
            }

            var read = new Dictionary<ManagedObjectReference, (string Name, ManagedObjectReference? Parent)>();
            await foreach (ObjectContent content in client.RetrieveAsync(VimInventoryTraversal.Ancestors(objects), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (content.Obj is { } obj)
                {
                    Dictionary<string, object?> properties = PropertiesOf(content.EnsureComplete());
                    ManagedObjectReference? parent = properties.GetValueOrDefault("parent") as ManagedObjectReference ?? properties.GetValueOrDefault("parentVApp") as ManagedObjectReference;
                    read[obj] = (properties.GetValueOrDefault("name") as string ?? obj.Value, parent);
                }
            }

            var built = new Dictionary<ManagedObjectReference, VimInventoryItem>();
            foreach (ManagedObjectReference obj in objects)
            {
                items.Add(Build(obj));
            }

            return items;

            VimInventoryItem Build(ManagedObjectReference obj)
            {
                if (built.TryGetValue(obj, out VimInventoryItem? item))
                {
                    return item;
                }

                // An object the session cannot read, or a cycle, ends the chain there (as if it hung below the root).
                built[obj] = new VimInventoryItem(obj, obj.Value, null);
                (string name, ManagedObjectReference? parent) = read.GetValueOrDefault(obj, (obj.Value, null));
                item = parent is null ? new VimInventoryItem(obj, name, null) : new VimInventoryItem(obj, name, Build(parent));
                built[obj] = item;
                return item;
            }
        }

        private static async Task<VimContainerView?> TryCreateViewAsync(VimClient client, ManagedObjectReference root, string type, System.Action? onViewsUnavailable, CancellationToken cancellationToken)
        {
            if (client.ServiceContent.ViewManager is null)
            {
                return null;
            }

            try
            {
                return await VimContainerView.CreateAsync(client, root, [type], recursive: true, cancellationToken).ConfigureAwait(false);
            }
            catch (VimFaultException e) when (e.Fault is NotSupported or NotImplemented or MethodNotFound
                || (e.Fault is ManagedObjectNotFound missing && missing.Obj == client.ServiceContent.ViewManager))
            {
                // A server (or endpoint) without working views: traversal specs read the same tree.
                onViewsUnavailable?.Invoke();
                return null;
            }
        }

        private static Dictionary<string, object?> PropertiesOf(ObjectContent content)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DynamicProperty property in content.PropSet)
            {
                properties[property.Name ?? string.Empty] = property.Val;
            }

            return properties;
        }

        private static IEnumerable<ManagedObjectReference> References(object? value) => value switch
        {
            ManagedObjectReference single => [single],
            ManagedObjectReference[] many => many,
            _ => [],
        };
    }
}
