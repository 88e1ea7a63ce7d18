using EsxSdk.Vim25;

namespace EsxSdk.Tests.Integration
{
    /// <summary>An entity found by <see cref="InventoryWalk"/>: its reference, name and inventory path (e.g. "DC0/vm/DC0_H0_VM0").</summary>
    internal sealed record InventoryItem(ManagedObjectReference Obj, string Name, string Path);
}
