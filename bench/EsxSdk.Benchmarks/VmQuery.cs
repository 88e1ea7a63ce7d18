using EsxSdk.Vim25;
using Twin = EsxSdk.Benchmarks.XmlSerializerBinding;

namespace EsxSdk.Benchmarks
{
    /// <summary>The measured query: config, runtime, summary and guest of every VM in a container view, in both bindings.</summary>
    public static class VmQuery
    {
        public static readonly string[] Properties = ["config", "runtime", "summary", "guest"];

        public static RetrievePropertiesExRequestType Request(ManagedObjectReference collector, ManagedObjectReference view) => new()
        {
            This = collector,
            SpecSet =
            [
                new PropertyFilterSpec
                {
                    ObjectSet = [new ObjectSpec { Obj = view, Skip = true, SelectSet = [new TraversalSpec { Name = "view", Type = "ContainerView", Path = "view", Skip = false }] }],
                    PropSet = [new PropertySpec { Type = "VirtualMachine", PathSet = Properties }],
                },
            ],
            Options = new RetrieveOptions(),
        };

        public static Twin.RetrievePropertiesExRequestType TwinRequest(ManagedObjectReference collector, ManagedObjectReference view) => new()
        {
            This = Twin(collector),
            SpecSet =
            [
                new Twin.PropertyFilterSpec
                {
                    ObjectSet = [new Twin.ObjectSpec { Obj = Twin(view), Skip = true, SkipSpecified = true, SelectSet = [new Twin.TraversalSpec { Name = "view", Type = "ContainerView", Path = "view", Skip = false, SkipSpecified = true }] }],
                    PropSet = [new Twin.PropertySpec { Type = "VirtualMachine", PathSet = Properties }],
                },
            ],
            Options = new Twin.RetrieveOptions(),
        };

        public static Twin.ManagedObjectReference Twin(ManagedObjectReference reference) => new() { Type = reference.Type, Value = reference.Value };
    }
}
