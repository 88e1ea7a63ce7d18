using System.Threading.Tasks;
using EsxSdk.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = EsxSdk.Analyzers.Tests.Support.Verifier<EsxSdk.Analyzers.PropertyPathAnalyzer>;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>
    /// ESX0005: constant property paths checked against the runtime binding's generated paths (the 8.0.3 model plus the
    /// 7.0u2 data types), with did-you-mean and its fix; ESX0006: a valid path's typed form.
    /// </summary>
    public sealed class PropertyPathTests
    {
        private const string Key = PropertyPathCodeFixProvider.UseSuggestionKey;

        [Theory]
        [InlineData("""client.ListAsync("VirtualMachine", [{|#0:"runtime.powerstate"|}])""", "runtime.powerstate", "VirtualMachine", "VirtualMachineRuntimeInfo has no property 'powerstate'", "runtime.powerState")]
        [InlineData("""client.ListAsync("VirtualMachine", new[] { {|#0:"sumary.confg.guestFullName"|} })""", "sumary.confg.guestFullName", "VirtualMachine", "VirtualMachine has no property 'sumary'", "summary.config.guestFullName")]
        [InlineData("""client.ListAsync("HostSystem", new List<string> { {|#0:"summary.hardware.cpuMHz"|} })""", "summary.hardware.cpuMHz", "HostSystem", "HostHardwareSummary has no property 'cpuMHz'", "summary.hardware.cpuMhz")]
        [InlineData("""client.GetPropertiesAsync(vm, {|#0:"runtme.powerState"|})""", "runtme.powerState", "any managed object type", "no managed object type has a property 'runtme'", "runtime.powerState")]
        [InlineData("""client.GetPropertiesAsync(vm, "name", {|#0:"summary.quickStat"|})""", "summary.quickStat", "any managed object type", "no type of 'summary' has a property 'quickStat'", "summary.quickStats")]
        [InlineData("""view.FilterSpec("Datastore", [{|#0:"sumary.capacity"|}])""", "sumary.capacity", "Datastore", "Datastore has no property 'sumary'", "summary.capacity")]
        public async Task A_misspelt_path_is_reported_with_the_nearest_one(string call, string path, string owner, string problem, string suggestion)
        {
            await Verify.AnalyzeAsync(Source("Keep(" + call + ");"), Unknown(path, owner, problem, suggestion));
        }

        [Theory]
        [InlineData("config.hardware.device.key", "'config.hardware.device' is a list, which the property collector cannot step into")]
        [InlineData("name.length", "'name' is a value of type string, which has no properties")]
        [InlineData("parent.name", "'parent' is a value of type ManagedObjectReference, which has no properties")]
        [InlineData("runtime.powerState.value", "'runtime.powerState' is a value of type VirtualMachinePowerState, which has no properties")]
        [InlineData("configuration", "VirtualMachine has no property 'configuration'")]
        [InlineData("", "VirtualMachine has no property ''")]
        public async Task A_path_past_a_list_or_a_value_or_far_from_any_property_has_no_suggestion(string path, string problem)
        {
            await Verify.AnalyzeAsync(
                Source("Keep(client.ListAsync(\"VirtualMachine\", [{|#0:\"" + path + "\"|}]));"),
                Unknown(path, "VirtualMachine", problem, suggestion: null));
        }

        [Fact]
        public async Task A_property_spec_is_checked_against_its_own_type()
        {
            await Verify.AnalyzeAsync(
                Source("""Keep(new PropertySpec { Type = "ManagedEntity", PathSet = [{|#0:"runtime.powerState"|}] });"""),
                Unknown("runtime.powerState", "ManagedEntity", "ManagedEntity has no property 'runtime'", suggestion: null));
        }

        [Fact]
        public async Task A_property_spec_without_a_constant_type_is_checked_against_every_type()
        {
            await Verify.AnalyzeAsync(
                Source("""string type = Pick(); Keep(new PropertySpec { Type = type, PathSet = new[] { "runtime.powerState", {|#0:"runtime.powerstat"|} } });"""),
                Unknown("runtime.powerstat", "any managed object type", "no type of 'runtime' has a property 'powerstat'", "runtime.powerState"));
        }

        [Fact]
        public async Task Paths_in_a_local_list_are_checked_where_it_is_used()
        {
            await Verify.AnalyzeAsync(
                Source("""var paths = new List<string> { {|#1:"name"|}, {|#0:"sumary.overallStatus"|} }; Keep(client.ListAsync("VirtualMachine", paths));"""),
                Typed(1, "name", "VirtualMachine", "VirtualMachineView.Paths.Name"),
                Unknown("sumary.overallStatus", "VirtualMachine", "VirtualMachine has no property 'sumary'", "summary.overallStatus"));
        }

        [Fact]
        public async Task A_constant_declared_elsewhere_is_checked_at_the_call()
        {
            await Verify.AnalyzeAsync(
                Source("""const string state = "runtime.powerstate"; Keep(client.ListAsync("VirtualMachine", [{|#0:state|}]));"""),
                Unknown("runtime.powerstate", "VirtualMachine", State, "runtime.powerState"));
        }

        [Theory]
        [InlineData("""client.ListAsync("VirtualMachine", [Pick()])""")]
        [InlineData("""client.ListAsync(Pick(), ["runtime.powerState", "guest.toolsRunningStatus"])""")]
        [InlineData("""client.ListAsync("NoSuchManagedType", ["anything.at.all"])""")]
        [InlineData("""client.ListAsync("Datastore", ["info.vmfs.capacity", "info.nas.remoteHost"])""")]
        [InlineData("""client.ListAsync("VirtualMachine", ["config.extraConfig[\"guestinfo.a.b\"]", "config.hardware.device[4000].backing"])""")]
        [InlineData("""client.ListAsync("Task", ["info.result.anything"])""")]
        [InlineData("""client.GetPropertiesAsync(vm, "summary.config.guestFullName", "info.url", "childEntity")""")]
        [InlineData("""client.GetPropertiesAsync(vm)""")]
        [InlineData("""new PropertySpec { Type = "VirtualMachine", All = true }""")]
        [InlineData("""ReassignedPaths(client)""")]
        public async Task What_cannot_be_shown_wrong_is_not_reported(string call)
        {
            await Verify.AnalyzeAsync(Source("Keep(" + call + ");"));
        }

        [Fact]
        public async Task A_valid_path_of_a_known_type_has_its_typed_path_suggested()
        {
            await Verify.AnalyzeAsync(
                Source("""Keep(client.ListAsync("VirtualMachine", [{|#0:"runtime.powerState"|}, {|#1:"summary.config.guestFullName"|}, {|#2:"config.hardware.device"|}]));"""),
                Typed(0, "runtime.powerState", "VirtualMachine", "VirtualMachineView.Paths.Runtime.PowerState"),
                Typed(1, "summary.config.guestFullName", "VirtualMachine", "VirtualMachineView.Paths.Summary.Config.GuestFullName"),
                Typed(2, "config.hardware.device", "VirtualMachine", "VirtualMachineView.Paths.Config.Hardware.Device"));
        }

        [Fact]
        public async Task An_inherited_property_has_the_typed_path_of_the_type_asked_for()
        {
            await Verify.AnalyzeAsync(
                Source("""Keep(new PropertySpec { Type = "ClusterComputeResource", PathSet = [{|#0:"name"|}, {|#1:"summary.numHosts"|}] });"""),
                Typed(0, "name", "ClusterComputeResource", "ClusterComputeResourceView.Paths.Name"),
                Typed(1, "summary.numHosts", "ClusterComputeResource", "ClusterComputeResourceView.Paths.Summary.NumHosts"));
        }

        [Fact]
        public async Task The_fix_writes_the_suggestion()
        {
            await Verify.FixAllAsync<PropertyPathCodeFixProvider>(
                Source("""Keep(client.ListAsync("VirtualMachine", [{|#0:"runtime.powerstate"|}]));"""),
                Source("""Keep(client.ListAsync("VirtualMachine", [{|#0:"runtime.powerState"|}]));"""),
                Key,
                1,
                new[] { Unknown("runtime.powerstate", "VirtualMachine", State, "runtime.powerState") },
                Typed(0, "runtime.powerState", "VirtualMachine", "VirtualMachineView.Paths.Runtime.PowerState"));
        }

        [Fact]
        public async Task Fix_all_corrects_every_path_with_a_suggestion_and_leaves_the_rest()
        {
            await Verify.FixAllAsync<PropertyPathCodeFixProvider>(
                Source("""
                    Keep(client.ListAsync("VirtualMachine", [{|#0:"runtme.powerState"|}, {|#1:"sumary.overallStatus"|}, {|#2:"nothingLikeIt"|}]));
                    Keep(client.GetPropertiesAsync(vm, {|#3:"Name"|}));
                    """),
                Source("""
                    Keep(client.ListAsync("VirtualMachine", [{|#0:"runtime.powerState"|}, {|#1:"summary.overallStatus"|}, {|#2:"nothingLikeIt"|}]));
                    Keep(client.GetPropertiesAsync(vm, "name"));
                    """),
                Key,
                3,
                new[]
                {
                    Unknown(0, "runtme.powerState", "VirtualMachine", "VirtualMachine has no property 'runtme'", "runtime.powerState"),
                    Unknown(1, "sumary.overallStatus", "VirtualMachine", "VirtualMachine has no property 'sumary'", "summary.overallStatus"),
                    Unknown(2, "nothingLikeIt", "VirtualMachine", "VirtualMachine has no property 'nothingLikeIt'", null),
                    Unknown(3, "Name", "any managed object type", "no managed object type has a property 'Name'", "name"),
                },
                Typed(0, "runtime.powerState", "VirtualMachine", "VirtualMachineView.Paths.Runtime.PowerState"),
                Typed(1, "summary.overallStatus", "VirtualMachine", "VirtualMachineView.Paths.Summary.OverallStatus"),
                Unknown(2, "nothingLikeIt", "VirtualMachine", "VirtualMachine has no property 'nothingLikeIt'", null));
        }

        [Fact]
        public async Task No_fix_is_offered_for_a_constant_declared_elsewhere()
        {
            string source = Source("""const string state = "runtime.powerstate"; Keep(client.ListAsync("VirtualMachine", [{|#0:state|}]));""");
            await Verify.FixAsync<PropertyPathCodeFixProvider>(source, source, Key, Unknown("runtime.powerstate", "VirtualMachine", State, "runtime.powerState"));
        }

        [Fact]
        public async Task A_binding_without_generated_paths_is_not_checked()
        {
            await Verify.AnalyzeAsync("""
                namespace Own
                {
                    public sealed class PropertySpec { public string? Type { get; set; } public string[]? PathSet { get; set; } }

                    static class Use
                    {
                        static object Spec() => new PropertySpec { Type = "VirtualMachine", PathSet = new[] { "no.such.path" } };
                    }
                }
                """);
        }

        private const string State = "VirtualMachineRuntimeInfo has no property 'powerstate'";

        private static DiagnosticResult Unknown(string path, string owner, string problem, string? suggestion) => Unknown(0, path, owner, problem, suggestion);

        private static DiagnosticResult Unknown(int location, string path, string owner, string problem, string? suggestion)
            => Verify.Diagnostic("ESX0005").WithLocation(location)
                .WithArguments(path, owner, problem, suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?");

        private static DiagnosticResult Typed(int location, string path, string owner, string typed)
            => new DiagnosticResult("ESX0006", DiagnosticSeverity.Info).WithLocation(location).WithArguments(path, owner, typed);

        private static string Source(string body) => """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using EsxSdk.Properties;
            using EsxSdk.Session;
            using EsxSdk.Vim25;

            sealed class Example
            {
                async Task RunAsync(VimClient client, ManagedObjectReference vm, VimContainerView view)
                {
                    await Task.Yield();
            """ + "\n        " + body.Replace("\n", "\n        ") + """

                }

                static string Pick() => "name";

                static object ReassignedPaths(VimClient client)
                {
                    var paths = new[] { "runtime.powerstate" };
                    paths = new[] { "name" };
                    return client.ListAsync("VirtualMachine", paths);
                }

                static void Keep(object? value) { }
            }
            """;
    }
}
