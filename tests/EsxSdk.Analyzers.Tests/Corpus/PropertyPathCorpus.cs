using System.Collections.Generic;

namespace EsxSdk.Analyzers.Tests.Corpus
{
    /// <summary>ESX0005 (property paths the type lacks) and ESX0006 (typed paths) in inventory and watch code.</summary>
    internal static class PropertyPathCorpus
    {
        private const string Header = PrecheckCorpus.Header;

        public static IEnumerable<CorpusCase> Cases()
        {
            yield return new("VM report with a guest path in the wrong case", Header + """
                static class Report
                {
                    public static async Task PrintAsync(VimClient client)
                    {
                        await foreach (ObjectContent vm in client.ListAsync("VirtualMachine", [{|ESX0006:"name"|}, {|ESX0006:"runtime.powerState"|}, {|ESX0005:"guest.guestFullname"|}, {|ESX0006:"runtime.host"|}]))
                            Console.WriteLine(string.Join(", ", vm.PropSet.Select(p => p.Val)));
                    }
                }
                """);
            yield return new("host watch spec, all paths right", Header + """
                static class HostWatch
                {
                    public static PropertySpec Spec() => new()
                    {
                        Type = "HostSystem",
                        PathSet = new[] { {|ESX0006:"runtime.connectionState"|}, {|ESX0006:"runtime.inMaintenanceMode"|}, {|ESX0006:"summary.quickStats.overallCpuUsage"|} },
                    };
                }
                """);
            yield return new("cluster HA flag read through the derived configuration type", Header + """
                static class Ha
                {
                    public static PropertySpec Spec() => new() { Type = "ClusterComputeResource", PathSet = ["configurationEx.dasConfig.enabled"] };
                }
                """);
            yield return new("datastore free space of an object of any type, case slip", Header + """
                static class Space
                {
                    public static Task<IReadOnlyDictionary<string, object?>> ReadAsync(VimClient client, ManagedObjectReference datastore)
                        => client.GetPropertiesAsync(datastore, "summary.capacity", {|ESX0005:"summary.freespace"|});
                }
                """);
            yield return new("paths from configuration are not known", Header + """
                static class Configured
                {
                    public static IAsyncEnumerable<ObjectContent> List(VimClient client, string[] configuredPaths)
                        => client.ListAsync("VirtualMachine", configuredPaths);
                }
                """);
            yield return new("container view listing past the device list", Header + """
                static class Disks
                {
                    public static PropertyFilterSpec Spec(VimContainerView view)
                        => view.FilterSpec("VirtualMachine", [{|ESX0006:"name"|}, {|ESX0005:"config.hardware.device.backing.fileName"|}]);
                }
                """);
            yield return new("paths kept as constants in a class", Header + """
                static class Props
                {
                    public const string Power = "runtime.powerState";
                    public const string Memory = "config.hardware.memoryMb";
                }

                static class Memory
                {
                    public static IAsyncEnumerable<ObjectContent> List(VimClient client)
                        => client.ListAsync("VirtualMachine", [{|ESX0006:Props.Power|}, {|ESX0005:Props.Memory|}]);
                }
                """);
            yield return new("extra config by key", Header + """
                static class GuestInfo
                {
                    public static Task<IReadOnlyDictionary<string, object?>> ReadAsync(VimClient client, ManagedObjectReference vm)
                        => client.GetPropertiesAsync(vm, "config.extraConfig[\"guestinfo.ip\"]");
                }
                """);
            yield return new("a type in a local variable, path wrong for every type", Header + """
                static class ByVariable
                {
                    public static IAsyncEnumerable<ObjectContent> List(VimClient client)
                    {
                        string type = "VirtualMachine";
                        return client.ListAsync(type, [{|ESX0005:"runtime.powerstate"|}]);
                    }
                }
                """);
            yield return new("a type in a local variable, path right for another type", Header + """
                static class HostGuests
                {
                    public static IAsyncEnumerable<ObjectContent> List(VimClient client)
                    {
                        string type = "HostSystem";
                        return client.ListAsync(type, [{|ESX0005:"summary.config.guestFullName"|}]);
                    }
                }
                """, limitation: "a type held in a local that is not const is not followed: the path is checked against every type, and VirtualMachine has it");
            yield return new("paths added one by one", Header + """
                static class Added
                {
                    public static IAsyncEnumerable<ObjectContent> List(VimClient client)
                    {
                        var paths = new List<string>();
                        paths.Add({|ESX0005:"runtime.powerstate"|});
                        return client.ListAsync("VirtualMachine", paths);
                    }
                }
                """, limitation: "paths added by method calls after the list is made are not followed");
        }
    }
}
