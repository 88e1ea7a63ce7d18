using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EsxSdk.Generator.Tests.Support;
using EsxSdk.Transport;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// Snapshot tests, one per construct: the generator's output for Fixtures/NAME/input must equal
    /// Fixtures/NAME/expected and compile without errors or warnings. See Fixtures/README.md to update them.
    /// </summary>
    public sealed class FixtureTests
    {
        [Fact]
        public Task Sequence_of_every_xsd_builtin_required_optional_and_repeated()
            => FixtureVerifier.VerifyAsync(Fixture.Load("Sequence"));

        [Fact]
        public Task Inheritance_chain_and_fault_hierarchy()
            => FixtureVerifier.VerifyAsync(Fixture.Load("Inheritance"));

        [Fact]
        public Task Enumeration_values_that_need_renaming()
            => FixtureVerifier.VerifyAsync(Fixture.Load("Enumeration"));

        [Fact]
        public Task SimpleContent_managed_object_reference()
            => FixtureVerifier.VerifyAsync(Fixture.Load("SimpleContent"));

        [Fact]
        public Task ArrayTypes_become_registry_entries_not_classes()
            => FixtureVerifier.VerifyAsync(Fixture.Load("ArrayTypes"));

        [Fact]
        public Task Naming_of_types_and_members_that_are_not_csharp_identifiers()
            => FixtureVerifier.VerifyAsync(Fixture.Load("Naming"));

        [Fact]
        public Task TaskWrappers_for_every_task_operation_when_enabled()
            => FixtureVerifier.VerifyAsync(
                Fixture.Load("TaskWrappers"),
                new Dictionary<string, string> { [VimBindingGenerator.TaskWrappersProperty] = "true" },
                compile: false);

        [Fact]
        public void TaskWrappers_and_their_task_host_are_not_emitted_by_default_but_raw_starters_are_marked()
        {
            string service = string.Concat(FixtureVerifier.Generate(Fixture.Load("TaskWrappers").Inputs()).Where(s => s.HintName.StartsWith("Vim25.Service.", System.StringComparison.Ordinal)).Select(s => s.Text));

            Assert.DoesNotContain("VimTaskWrapperAttribute(", service, System.StringComparison.Ordinal);
            Assert.DoesNotContain("IVimTaskHost", service, System.StringComparison.Ordinal);
            Assert.Contains("public VimService(global::EsxSdk.Transport.IVimInvoker invoker) => this.invoker = ", service, System.StringComparison.Ordinal);
            Assert.Contains("[global::EsxSdk.Tasks.VimTaskStarterAttribute(\"PowerOnVM_Task\", Targets = new[] { \"this\" })]", service, System.StringComparison.Ordinal);
            Assert.DoesNotContain("VimTaskStarterAttribute(\"CurrentTime\")", service, System.StringComparison.Ordinal);
        }

        [Fact]
        public Task TaskTargets_from_the_managed_object_model_on_starters_and_wrappers()
            => FixtureVerifier.VerifyAsync(
                Fixture.Load("TaskTargets"),
                new Dictionary<string, string> { [VimBindingGenerator.TaskWrappersProperty] = "true" },
                compile: false);

        [Fact]
        public Task ManagedObjects_typed_paths_from_the_model_compile_against_the_runtime()
            => FixtureVerifier.VerifyAsync(
                Fixture.Load("ManagedObjects"),
                compile: true,
                expectedDiagnostics: new Microsoft.CodeAnalysis.Testing.DiagnosticResult("ESXG012", Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
                    .WithArguments("VirtualMachine.layoutEx", "VirtualMachineFileLayoutEx"));

        [Fact]
        public Task Layouts_sdk_wsdl_with_imports_and_includes()
            => FixtureVerifier.VerifyAsync(Fixture.Load("Layouts", "input/sdk"));

        [Fact]
        public void Layouts_single_self_contained_wsdl_generates_the_same_sources_as_the_sdk_layout()
        {
            IReadOnlyList<(string HintName, string Text)> sdk = FixtureVerifier.Generate(Fixture.Load("Layouts", "input/sdk").Inputs());
            IReadOnlyList<(string HintName, string Text)> single = FixtureVerifier.Generate(Fixture.Load("Layouts", "input/single").Inputs());

            Assert.NotEmpty(sdk);
            Assert.Equal(sdk, single);
        }
    }
}
