using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using EsxSdk.Generator.Linking;
using EsxSdk.Generator.Model;
using EsxSdk.Generator.Parsing;
using EsxSdk.Generator.Tests.Support;
using EsxSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// Typed views and property paths from the managed-object model (the ManagedObjects fixture and the shared model on
    /// the 7.0u2 WSDL): inheritance, lists, references, items naming types the binding lacks (ESXG012, an info), nothing
    /// without a model, and the model's task results against the hand-kept table.
    /// </summary>
    public sealed class ManagedObjectViewsTests
    {
        private static readonly Dictionary<string, string> RuntimeBinding = new() { [VimBindingGenerator.TaskWrappersProperty] = "true" };

        [Fact]
        public void Views_follow_the_model_inheritance_and_type_their_properties()
        {
            string views = Objects(FixtureVerifier.Generate(Fixture.Load("ManagedObjects").Inputs(), RuntimeBinding));

            Assert.Contains("public class ManagedEntityView : global::Fixture.Vim25.Objects.ExtensibleManagedObjectView, global::EsxSdk.Properties.IVimManagedObjectView<ManagedEntityView>", views, StringComparison.Ordinal);
            Assert.Contains("public sealed class VirtualMachineView : global::Fixture.Vim25.Objects.ManagedEntityView, global::EsxSdk.Properties.IVimManagedObjectView<VirtualMachineView>", views, StringComparison.Ordinal);
            Assert.Contains("public class ExtensibleManagedObjectView : global::EsxSdk.Properties.VimManagedObjectView,", views, StringComparison.Ordinal);
            Assert.Contains("public global::Fixture.Vim25.VirtualMachineRuntimeInfo? Runtime => this.PropertyValue<global::Fixture.Vim25.VirtualMachineRuntimeInfo>(\"runtime\");", views, StringComparison.Ordinal);
            Assert.Contains("public global::Fixture.Vim25.ManagedObjectReference[] Datastore => this.PropertyValues<global::Fixture.Vim25.ManagedObjectReference>(\"datastore\");", views, StringComparison.Ordinal);
            Assert.Contains("references to <c>Datastore</c>", views, StringComparison.Ordinal);
            Assert.Contains("public global::Fixture.Vim25.CustomFieldValue[] Value => this.PropertyValues<global::Fixture.Vim25.CustomFieldValue>(\"value\");", views, StringComparison.Ordinal);
            Assert.Contains("public global::Fixture.Vim25.ManagedEntityStatus? OverallStatus => this.PropertyValue<global::Fixture.Vim25.ManagedEntityStatus?>(\"overallStatus\");", views, StringComparison.Ordinal);
            Assert.Contains("public string[] DisabledMethod => this.PropertyValues<string>(\"disabledMethod\");", views, StringComparison.Ordinal);
            Assert.Contains("public static new VirtualMachinePaths Paths { get; } = new VirtualMachinePaths();", views, StringComparison.Ordinal);
            Assert.Contains("public static ExtensibleManagedObjectPaths Paths { get; } = new ExtensibleManagedObjectPaths();", views, StringComparison.Ordinal);

            // VirtualMachine repeats ManagedEntity's name: the base's property, not a second one; layoutEx is skipped.
            Assert.Single(Occurrences(views, "this.PropertyValue<string>(\"name\")"));
            Assert.Single(Occurrences(views, "new global::EsxSdk.Properties.VimPropertyPath<string>(\"name\")"));
            Assert.DoesNotContain("layoutEx", views, StringComparison.Ordinal);
        }

        [Fact]
        public void Paths_go_through_data_types_and_stop_at_lists()
        {
            string paths = Objects(FixtureVerifier.Generate(Fixture.Load("ManagedObjects").Inputs()));

            Assert.Contains("public global::Fixture.Vim25.Objects.VirtualMachineRuntimeInfoPath Runtime => new global::Fixture.Vim25.Objects.VirtualMachineRuntimeInfoPath(\"runtime\");", paths, StringComparison.Ordinal);
            Assert.Contains("public sealed class VirtualMachineRuntimeInfoPath : global::EsxSdk.Properties.VimPropertyPath<global::Fixture.Vim25.VirtualMachineRuntimeInfo>", paths, StringComparison.Ordinal);
            Assert.Contains("public global::EsxSdk.Properties.VimPropertyPath<global::Fixture.Vim25.VirtualMachinePowerState?> PowerState => new global::EsxSdk.Properties.VimPropertyPath<global::Fixture.Vim25.VirtualMachinePowerState?>(this.Child(\"powerState\"));", paths, StringComparison.Ordinal);
            Assert.Contains("public global::EsxSdk.Properties.VimPropertyPath<global::Fixture.Vim25.VirtualMachineDeviceRuntimeInfo[]> Device =>", paths, StringComparison.Ordinal);
            Assert.Contains("public global::EsxSdk.Properties.VimPropertyPath<int?> MaxMemoryUsage =>", paths, StringComparison.Ordinal);
            Assert.Contains("public global::EsxSdk.Properties.VimPropertyPath<global::Fixture.Vim25.ManagedObjectReference> Host =>", paths, StringComparison.Ordinal);

            // summary.config.guestFullName: two path classes; the config's base type's members are there too.
            Assert.Contains("public global::Fixture.Vim25.Objects.VirtualMachineConfigSummaryPath Config => new global::Fixture.Vim25.Objects.VirtualMachineConfigSummaryPath(this.Child(\"config\"));", paths, StringComparison.Ordinal);
            Assert.Contains("public global::EsxSdk.Properties.VimPropertyPath<string> GuestFullName =>", paths, StringComparison.Ordinal);
            Assert.Contains("new global::EsxSdk.Properties.VimPropertyPath<string>(this.Child(\"name\"))", paths, StringComparison.Ordinal);

            // Without the runtime's own binding there are no views (they hold its reference type), only paths.
            Assert.DoesNotContain("class VirtualMachineView", paths, StringComparison.Ordinal);
            Assert.Single(Occurrences(paths, "class VirtualMachineRuntimeInfoPath "));
        }

        [Fact]
        public void Items_naming_types_the_binding_lacks_are_skipped_with_an_info()
        {
            GeneratorDriverRunResult result = GeneratorHarness.CreateDriver(Fixture.Load("ManagedObjects").Inputs(), Fixture.Namespace, RuntimeBinding)
                .RunGenerators(GeneratorHarness.EmptyCompilation())
                .GetRunResult();

            Diagnostic info = Assert.Single(result.Diagnostics);
            Assert.Equal(("ESXG012", DiagnosticSeverity.Info), (info.Id, info.Severity));
            Assert.Contains("'VirtualMachine.layoutEx' names the type 'VirtualMachineFileLayoutEx'", info.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        [Fact]
        public void Without_a_model_nothing_of_this_is_generated_and_nothing_is_reported()
        {
            IReadOnlyList<AdditionalText> inputs = Fixture.Load("ManagedObjects").Inputs();
            GeneratorDriverRunResult result = GeneratorHarness.CreateDriver(inputs, Fixture.Namespace, RuntimeBinding, isManagedObjectModel: _ => false)
                .RunGenerators(GeneratorHarness.EmptyCompilation())
                .GetRunResult();

            Assert.Empty(result.Diagnostics);
            Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName.Contains(".Objects.", StringComparison.Ordinal));
        }

        /// <summary>The shared model on the 7.0u2 WSDL: counts, and only cpuSchedulerInfo (8.0.3 only) skipped.</summary>
        [Fact]
        public void The_shared_model_gives_a_view_per_managed_object_type_and_skips_only_what_7_0u2_lacks()
        {
            LinkResult result = LinkShared(withModel: true);
            ObjectModel objects = result.Model!.Objects!;

            Assert.Equal(
                new[] { "'HostCpuSchedulerSystem.cpuSchedulerInfo' names the type 'HostCpuSchedulerInfo', which this binding does not define; it is left out" },
                result.Diagnostics.Select(d => d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(138, objects.Views.Count);
            Assert.Equal(262, objects.Views.Sum(v => v.Properties.Count));
            Assert.Equal((260, 1803), (objects.PathTypes.Count, objects.PathTypes.Sum(p => p.Members.Count)));

            // Typed task results: with a value, and known to have none (a plain Task), with the model and without.
            Assert.Equal((102, 131), TaskResultCounts(result.Model));
            Assert.Equal((43, 64), TaskResultCounts(LinkShared(withModel: false).Model!));
            Assert.Contains(objects.PathTypes, p => p.DataWireName == "VirtualMachineRuntimeInfo");
            Assert.Contains(objects.PathTypes, p => p.DataWireName == "VirtualMachineConfigSummary");
            Assert.Contains(objects.PathTypes, p => p.DataWireName == "VirtualHardware");
            Assert.Equal("global::Test.Vim25.Objects.ManagedEntityView", objects.Views.Single(v => v.WireName == "VirtualMachine").BaseCSharpName);
        }

        /// <summary>
        /// With the model, every task's result comes from its <c>taskResult</c>; the hand-kept table remains the fallback
        /// without a model. On 7.0u2 the two disagree only where listed here (the table left these untyped or said "no
        /// result"; the model knows better).
        /// </summary>
        [Fact]
        public void Task_results_from_the_model_agree_with_the_table_except_where_listed()
        {
            Dictionary<string, string> withModel = TaskResults(LinkShared(withModel: true).Model!);
            Dictionary<string, string> withoutModel = TaskResults(LinkShared(withModel: false).Model!);

            string[] disagreements = withModel.Keys
                .Where(k => withModel[k] != withoutModel[k] && !withoutModel[k].StartsWith("Unknown", StringComparison.Ordinal))
                .OrderBy(k => k, StringComparer.Ordinal)
                .Select(k => k + ": " + withoutModel[k].Trim() + " -> " + withModel[k].Trim())
                .ToArray();
            string[] newlyTyped = withModel.Keys.Where(k => withoutModel[k].StartsWith("Unknown", StringComparison.Ordinal) && withModel[k] != withoutModel[k]).ToArray();

            // The table says "no result" where the 8.0.3 model (and the API reference) give the new file's datastore path.
            Assert.Equal(new[] { "CopyVirtualDisk_Task: None -> Single string", "MoveVirtualDisk_Task: None -> Single string" }, disagreements);
            Assert.Equal(126, newlyTyped.Length);
            Assert.Equal(234, withModel.Count);
            Assert.Equal(new[] { "UpdateHostCustomizations_Task" }, withModel.Keys.Where(k => withModel[k].StartsWith("Unknown", StringComparison.Ordinal)));
        }

        private static (int WithValue, int WithoutResult) TaskResultCounts(BindingModel model) => (
            model.Operations.Count(o => o.TaskWrapper?.Shape is TaskResultShape.Single or TaskResultShape.Array),
            model.Operations.Count(o => o.TaskWrapper?.Shape is TaskResultShape.None));

        private static Dictionary<string, string> TaskResults(BindingModel model) => model.Operations
            .Where(o => o.TaskWrapper != null)
            .ToDictionary(o => o.WireName, o => o.TaskWrapper!.Shape + " " + o.TaskWrapper.ResultTypeName.Split('.').Last(), StringComparer.Ordinal);

        private static LinkResult LinkShared(bool withModel)
        {
            ImmutableArray<SchemaDocument> documents = SharedDocuments.Value;
            ImmutableArray<ManagedObjectDocument> model = withModel
                ? ImmutableArray.Create(ManagedObjectModelParser.Parse(TestPaths.ManagedObjectModel, File.ReadAllText(TestPaths.ManagedObjectModel), CancellationToken.None))
                : ImmutableArray<ManagedObjectDocument>.Empty;
            return BindingLinker.Link(documents, model, new GeneratorOptions("Test.Vim25", null, EmitTaskWrappers: true), CancellationToken.None);
        }

        private static readonly Lazy<ImmutableArray<SchemaDocument>> SharedDocuments = new(() => GeneratorHarness.Folder(Path.Combine(TestPaths.SharedWsdlRoot, "vim25-7.0u2"))
            .Select(f => SchemaDocumentParser.Parse(f.Path, f.GetText()!.ToString(), CancellationToken.None))
            .ToImmutableArray());

        private static string Objects(IReadOnlyList<(string HintName, string Text)> sources)
            => string.Concat(sources.Where(s => s.HintName.Contains(".Objects.", StringComparison.Ordinal)).Select(s => s.Text));

        private static List<int> Occurrences(string text, string value)
        {
            var found = new List<int>();
            for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            {
                found.Add(at);
            }

            return found;
        }
    }
}
