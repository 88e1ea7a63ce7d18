using System.Collections.Generic;
using System.Linq;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>
    /// Property filter specs that walk the inventory with traversal specs alone, for servers (or sessions) without container views:
    /// one level of children of many parents, the whole tree below a root, and the ancestors of objects.
    /// </summary>
    internal static class VimInventoryTraversal
    {
        private static readonly (string Name, string Type, string Path, string[] Next)[] TreeSteps =
        [
            ("folderChildren", "Folder", "childEntity", ["folderChildren", "datacenterVmFolder", "datacenterHostFolder", "datacenterDatastoreFolder", "datacenterNetworkFolder", "computeHosts", "computePools", "poolPools", "poolVms"]),
            ("datacenterVmFolder", "Datacenter", "vmFolder", ["folderChildren"]),
            ("datacenterHostFolder", "Datacenter", "hostFolder", ["folderChildren"]),
            ("datacenterDatastoreFolder", "Datacenter", "datastoreFolder", ["folderChildren"]),
            ("datacenterNetworkFolder", "Datacenter", "networkFolder", ["folderChildren"]),
            ("computeHosts", "ComputeResource", "host", []),
            ("computePools", "ComputeResource", "resourcePool", ["poolPools", "poolVms"]),
            ("poolPools", "ResourcePool", "resourcePool", ["poolPools", "poolVms"]),
            ("poolVms", "ResourcePool", "vm", []),
        ];

        /// <summary>
        /// Every object of <paramref name="type"/> below <paramref name="root"/> (not the root itself), with the given properties:
        /// folder -> childEntity, datacenter -> its four folders, compute resource -> host / resourcePool, resource pool (and vApp) -> resourcePool / vm.
        /// </summary>
        public static PropertyFilterSpec Tree(ManagedObjectReference root, string type, IReadOnlyList<string> properties) => new()
        {
            ObjectSet = [new ObjectSpec { Obj = root, Skip = true, SelectSet = [.. TreeSteps.Select(Step)] }],
            PropSet = [new PropertySpec { Type = type, PathSet = [.. properties], All = properties.Count == 0 ? true : null }],
        };

        /// <summary>
        /// The parents with their child lists and their children with their names, in one retrieval: each parent's child-holding
        /// properties (<see cref="VimInventoryTypes.ChildProperties"/>) are both read and traversed one step.
        /// </summary>
        public static PropertyFilterSpec Children(IEnumerable<ManagedObjectReference> parents) => new()
        {
            ObjectSet =
            [
                .. parents.Select(parent => new ObjectSpec
                {
                    Obj = parent,
                    Skip = false,
                    SelectSet =
                    [
                        .. VimInventoryTypes.ChildProperties(parent.Type).Select(path => new TraversalSpec
                        {
                            Type = VimInventoryTypes.DeclaringType(parent.Type),
                            Path = path,
                            Skip = false,
                        }),
                    ],
                }),
            ],
            PropSet =
            [
                new PropertySpec { Type = "ManagedEntity", PathSet = ["name"] },
                .. new[] { "Folder", "Datacenter", "ComputeResource", "ResourcePool" }
                    .Select(type => new PropertySpec { Type = type, PathSet = ["name", .. VimInventoryTypes.ChildProperties(type)] }),
            ],
        };

        /// <summary>
        /// The objects and all their ancestors (ManagedEntity.parent, or a VM's parentVApp, followed to the root folder) with <c>name</c>,
        /// <c>parent</c> (and a VM's <c>parentVApp</c>);
        /// one filter spec per object, since the self-referencing traversal spec's name must be unique within a spec.
        /// </summary>
        public static IReadOnlyList<PropertyFilterSpec> Ancestors(IEnumerable<ManagedObjectReference> objects) =>
        [
            .. objects.Select(obj => new PropertyFilterSpec
            {
                ObjectSet =
                [
                    new ObjectSpec
                    {
                        Obj = obj,
                        Skip = false,
                        SelectSet =
                        [
                            new TraversalSpec { Name = "parents", Type = "ManagedEntity", Path = "parent", Skip = false, SelectSet = [new SelectionSpec { Name = "parents" }] },

                            // A VM in a vApp has no parent folder; its vApp stands in (as in govmomi's mo.Ancestors).
                            new TraversalSpec { Name = "vApp", Type = "VirtualMachine", Path = "parentVApp", Skip = false, SelectSet = [new SelectionSpec { Name = "parents" }] },
                        ],
                    },
                ],
                PropSet =
                [
                    new PropertySpec { Type = "ManagedEntity", PathSet = ["name", "parent"] },
                    new PropertySpec { Type = "VirtualMachine", PathSet = ["name", "parent", "parentVApp"] },
                ],
            }),
        ];

        private static TraversalSpec Step((string Name, string Type, string Path, string[] Next) step) => new()
        {
            Name = step.Name,
            Type = step.Type,
            Path = step.Path,
            Skip = false,
            SelectSet = [.. step.Next.Select(next => new SelectionSpec { Name = next })],
        };
    }
}
