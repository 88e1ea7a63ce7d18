using System;

namespace EsxSdk.Properties
{
    /// <summary>The inventory's managed entity types the finder knows: which hold children, and which are subtypes of which.</summary>
    internal static class VimInventoryTypes
    {
        /// <summary>
        /// Whether an object of <paramref name="actual"/> type is a <paramref name="wanted"/> (the same type, or a subtype such as
        /// ClusterComputeResource for ComputeResource); null or ManagedEntity wants everything.
        /// </summary>
        public static bool IsA(string actual, string? wanted) => wanted is null or "ManagedEntity" || actual == wanted || wanted switch
        {
            "ComputeResource" => actual == "ClusterComputeResource",
            "ResourcePool" => actual == "VirtualApp",
            "Folder" => actual == "StoragePod",
            "Network" => actual is "DistributedVirtualPortgroup" or "OpaqueNetwork",
            "DistributedVirtualSwitch" => actual == "VmwareDistributedVirtualSwitch",
            _ => false,
        };

        /// <summary>The properties holding an object's children in the inventory tree (empty for leaves), by the object's type.</summary>
        public static string[] ChildProperties(string type) => type switch
        {
            "Folder" or "StoragePod" => ["childEntity"],
            "Datacenter" => ["vmFolder", "hostFolder", "datastoreFolder", "networkFolder"],
            "ComputeResource" or "ClusterComputeResource" => ["host", "resourcePool"],
            "ResourcePool" or "VirtualApp" => ["resourcePool", "vm"],
            _ => Array.Empty<string>(),
        };

        /// <summary>The base type that declares <see cref="ChildProperties"/> for <paramref name="type"/> (a traversal spec's type).</summary>
        public static string DeclaringType(string type) => type switch
        {
            "StoragePod" => "Folder",
            "ClusterComputeResource" => "ComputeResource",
            "VirtualApp" => "ResourcePool",
            _ => type,
        };
    }
}
