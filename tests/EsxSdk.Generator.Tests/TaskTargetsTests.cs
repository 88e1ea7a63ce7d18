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
    /// Which arguments of a task are the VMs it acts on (OperationModel.TaskTargets, recorded as the starters' and wrappers'
    /// Targets): with the managed-object model, <c>_this</c> only when the operation is a method of VirtualMachine or a base
    /// type; without one (or for an operation it does not know), <c>_this</c> as before; the <c>vm</c> parameters except of
    /// Check*/Query* tasks either way.
    /// </summary>
    public sealed class TaskTargetsTests
    {
        [Theory]
        [InlineData("PowerOnMultiVM_Task", "vm")]
        [InlineData("MakePrimaryVM_Task", "@this,vm")]
        [InlineData("CustomizeGuest_Task", "vm")]
        [InlineData("Destroy_Task", "@this")]
        [InlineData("PowerOnVM_Task", "@this")]
        [InlineData("UpdateAnswerFile_Task", "")]
        [InlineData("CheckCompatibility_Task", "")]
        [InlineData("FrobnicateVMs_Task", "@this,vm")]
        public void With_the_model_this_is_a_target_only_for_methods_of_VirtualMachine_or_its_bases(string operation, string targets)
            => Assert.Equal(Split(targets), Targets(LinkFixture(withModel: true), operation));

        [Theory]
        [InlineData("PowerOnMultiVM_Task", "@this,vm")]
        [InlineData("MakePrimaryVM_Task", "@this,vm")]
        [InlineData("CustomizeGuest_Task", "@this,vm")]
        [InlineData("Destroy_Task", "@this")]
        [InlineData("UpdateAnswerFile_Task", "@this")]
        [InlineData("CheckCompatibility_Task", "@this")]
        public void Without_a_model_this_and_the_vm_parameters_are_targets_as_before(string operation, string targets)
            => Assert.Equal(Split(targets), Targets(LinkFixture(withModel: false), operation));

        [Fact]
        public void Targets_are_computed_for_every_task_without_wrappers_and_none_for_other_operations()
        {
            string service = Service(FixtureVerifier.Generate(Fixture.Load("TaskTargets").Inputs()));

            Assert.DoesNotContain("VimTaskWrapperAttribute", service, StringComparison.Ordinal);
            Assert.Contains("[global::EsxSdk.Tasks.VimTaskStarterAttribute(\"PowerOnMultiVM_Task\", Targets = new[] { \"vm\" })]", service, StringComparison.Ordinal);
            Assert.Contains("[global::EsxSdk.Tasks.VimTaskStarterAttribute(\"MakePrimaryVM_Task\", Targets = new[] { \"this\", \"vm\" })]", service, StringComparison.Ordinal);
            Assert.Contains("[global::EsxSdk.Tasks.VimTaskStarterAttribute(\"Destroy_Task\", Targets = new[] { \"this\" })]", service, StringComparison.Ordinal);
            Assert.Contains("[global::EsxSdk.Tasks.VimTaskStarterAttribute(\"UpdateAnswerFile_Task\", Targets = new string[0])]", service, StringComparison.Ordinal);
            Assert.DoesNotContain(SharedBinding.Value.Operations, o => !o.IsTask && o.TaskTargets.Count > 0);
        }

        [Fact]
        public void A_json_file_without_the_model_metadata_is_not_the_model()
        {
            IReadOnlyList<(string HintName, string Text)> sources = FixtureVerifier.Generate(
                Fixture.Load("TaskTargets").Inputs(),
                isManagedObjectModel: _ => false);

            Assert.Contains("[global::EsxSdk.Tasks.VimTaskStarterAttribute(\"PowerOnMultiVM_Task\", Targets = new[] { \"this\", \"vm\" })]", Service(sources), StringComparison.Ordinal);
        }

        /// <summary>The real model on the real 7.0u2 WSDL: the cases, and nothing reported for its 8.0.3-only items.</summary>
        [Theory]
        [InlineData("PowerOnMultiVM_Task", "vm")]
        [InlineData("PowerOnVM_Task", "@this")]
        [InlineData("MakePrimaryVM_Task", "@this,vm")]
        [InlineData("CustomizeGuest_Task", "vm")]
        [InlineData("Destroy_Task", "@this")]
        [InlineData("CloneVM_Task", "@this")]
        [InlineData("CheckCompatibility_Task", "")]
        [InlineData("CreateVM_Task", "")]
        [InlineData("RelocateVM_Task", "@this")]
        public void The_shared_model_on_the_70u2_wsdl(string operation, string targets)
            => Assert.Equal(Split(targets), Targets(SharedBinding.Value, operation));

        /// <summary>
        /// The 8.0.3 model knows every task of the 7.0u2 WSDL but one it dropped, UpdateHostCustomizations_Task, whose
        /// <c>_this</c> stays a candidate as without a model (the runtime keeps the VMs; a HostProfileManager is none).
        /// </summary>
        [Fact]
        public void A_task_of_the_70u2_wsdl_the_model_does_not_know_keeps_this()
        {
            ManagedObjectDocument model = ManagedObjectModelParser.Parse(TestPaths.ManagedObjectModel, File.ReadAllText(TestPaths.ManagedObjectModel), CancellationToken.None);
            var methods = new HashSet<string>(model.Types.SelectMany(t => t.Methods).Select(m => m.Name), StringComparer.Ordinal);

            Assert.Equal(new[] { "UpdateHostCustomizations_Task" }, SharedBinding.Value.Operations.Where(o => o.IsTask && !methods.Contains(o.WireName)).Select(o => o.WireName));
            Assert.Equal(new[] { "@this" }, Targets(SharedBinding.Value, "UpdateHostCustomizations_Task"));
        }

        private static readonly Lazy<BindingModel> SharedBinding = new(() =>
        {
            ImmutableArray<SchemaDocument> documents = GeneratorHarness.Folder(Path.Combine(TestPaths.SharedWsdlRoot, "vim25-7.0u2"))
                .Select(f => SchemaDocumentParser.Parse(f.Path, f.GetText()!.ToString(), CancellationToken.None))
                .ToImmutableArray();
            ManagedObjectDocument model = ManagedObjectModelParser.Parse(TestPaths.ManagedObjectModel, File.ReadAllText(TestPaths.ManagedObjectModel), CancellationToken.None);
            LinkResult result = BindingLinker.Link(documents, ImmutableArray.Create(model), new GeneratorOptions("Test.Vim25", null, EmitTaskWrappers: true), CancellationToken.None);
            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.DefaultSeverity != DiagnosticSeverity.Info);
            return Assert.IsType<BindingModel>(result.Model);
        });

        private static BindingModel LinkFixture(bool withModel)
        {
            IReadOnlyList<AdditionalText> inputs = Fixture.Load("TaskTargets").Inputs();
            ImmutableArray<SchemaDocument> documents = inputs.Where(f => !GeneratorHarness.IsJson(f))
                .Select(f => SchemaDocumentParser.Parse(f.Path, f.GetText()!.ToString(), CancellationToken.None))
                .ToImmutableArray();
            ImmutableArray<ManagedObjectDocument> models = withModel
                ? inputs.Where(GeneratorHarness.IsJson).Select(f => ManagedObjectModelParser.Parse(f.Path, f.GetText()!.ToString(), CancellationToken.None)).ToImmutableArray()
                : ImmutableArray<ManagedObjectDocument>.Empty;
            LinkResult result = BindingLinker.Link(documents, models, new GeneratorOptions("Test.Vim25", null), CancellationToken.None);
            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.DefaultSeverity != DiagnosticSeverity.Info);
            return Assert.IsType<BindingModel>(result.Model);
        }

        private static string[] Targets(BindingModel model, string operation)
            => model.Operations.Single(o => o.WireName == operation).TaskTargets.ToArray();

        private static string[] Split(string targets) => targets.Length == 0 ? Array.Empty<string>() : targets.Split(',');

        private static string Service(IEnumerable<(string HintName, string Text)> sources)
            => string.Concat(sources.Where(s => s.HintName.StartsWith("Vim25.Service.", StringComparison.Ordinal)).Select(s => s.Text));
    }
}
