using System.Collections.Generic;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tests.Integration
{
    /// <summary>
    /// The inventory found by walking it from the root folder one object at a time (Folder.childEntity,
    /// the datacenter folders, ComputeResource.host), with each entity's inventory path: an independent
    /// second reading of what a container view lists.
    /// </summary>
    internal static class InventoryWalk
    {
        public static async Task<IReadOnlyList<InventoryItem>> WalkAsync(VimClient client)
        {
            var items = new List<InventoryItem>();
            var seen = new HashSet<ManagedObjectReference>();
            var pending = new Queue<(ManagedObjectReference Obj, string ParentPath)>();
            ManagedObjectReference root = client.ServiceContent.RootFolder!;
            seen.Add(root);
            foreach (ManagedObjectReference child in await ChildrenAsync(client, root))
            {
                pending.Enqueue((child, string.Empty));
            }

            while (pending.Count > 0)
            {
                (ManagedObjectReference obj, string parentPath) = pending.Dequeue();
                if (!seen.Add(obj))
                {
                    continue;
                }

                string name = (string)(await Properties.GetAsync(client, obj, "name"))!;
                string path = parentPath.Length == 0 ? name : parentPath + "/" + name;
                items.Add(new InventoryItem(obj, name, path));
                foreach (ManagedObjectReference child in await ChildrenAsync(client, obj))
                {
                    pending.Enqueue((child, path));
                }
            }

            return items;
        }

        private static async Task<IEnumerable<ManagedObjectReference>> ChildrenAsync(VimClient client, ManagedObjectReference obj)
        {
            string[] paths = obj.Type switch
            {
                "Folder" => ["childEntity"],
                "Datacenter" => ["vmFolder", "hostFolder", "datastoreFolder", "networkFolder"],
                "ComputeResource" or "ClusterComputeResource" => ["host"],
                _ => [],
            };
            if (paths.Length == 0)
            {
                return [];
            }

            IReadOnlyDictionary<string, object?> values = await Properties.GetManyAsync(client, obj, paths);
            var children = new List<ManagedObjectReference>();
            foreach (string path in paths)
            {
                switch (values.GetValueOrDefault(path))
                {
                    case ManagedObjectReference single:
                        children.Add(single);
                        break;
                    case ManagedObjectReference[] many:
                        children.AddRange(many);
                        break;
                }
            }

            return children;
        }
    }
}
