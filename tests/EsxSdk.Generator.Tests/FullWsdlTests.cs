using System.Collections.Immutable;
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
    /// <summary>The two real vim25 WSDL sets. Expected counts come from an independent count of the XSD text.</summary>
    public sealed class FullWsdlTests
    {
        [Theory]
        [InlineData("vim25-7.0u2", 3758, 382, 564, 694, 920, 920, 234)]
        [InlineData("vim25-5.5", 2997, 261, 420, 634, 615, 615, 132)]
        public void Linking_yields_the_expected_counts(string set, int classes, int enums, int arrayTypes, int faults, int requestTypes, int operations, int tasks)
        {
            BindingModel model = Link(System.IO.Path.Combine(TestPaths.SharedWsdlRoot, set));

            Assert.Empty(model.Diagnostics);
            Assert.Equal(classes, model.Classes.Count(c => !c.IsResponse));
            Assert.Equal(operations, model.Classes.Count(c => c.IsResponse));
            Assert.Equal(operations, model.Operations.Count);
            Assert.Equal(tasks, model.Operations.Count(o => o.IsTask));
            Assert.All(model.Operations, o => Assert.EndsWith("Async", o.MethodName, System.StringComparison.Ordinal));
            Assert.Equal(enums, model.Enums.Count);
            Assert.Equal(arrayTypes, model.ArrayTypes.Count);
            Assert.Equal(faults, model.Classes.Count(c => c.IsFault));
            Assert.Equal(requestTypes, model.Classes.Count(c => c.WireName.EndsWith("RequestType", System.StringComparison.Ordinal)));
            Assert.Equal("urn:vim25", model.TargetNamespace);
        }

        [Fact]
        public void The_55_binding_generates_and_compiles_without_errors_or_warnings()
        {
            // 7.0u2 compiles as runtime/EsxSdk itself, with warnings as errors; this is the second schema.
            (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.Folder(TestPaths.Wsdl55), "Vim55");

            Assert.Empty(result.Diagnostics);
            Assert.True(result.GeneratedTrees.Length > 50, "expected the binding split into many files");
            Assert.All(result.GeneratedTrees, tree => Assert.True(tree.Length < 1_000_000, tree.FilePath + " is over 1 MB"));
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        internal static BindingModel Link(string folder)
        {
            ImmutableArray<SchemaDocument> documents = GeneratorHarness.Folder(folder)
                .Select(f => SchemaDocumentParser.Parse(f.Path, f.GetText()!.ToString(), CancellationToken.None))
                .ToImmutableArray();
            return BindingLinker.Link(documents, "Test.Vim25", CancellationToken.None);
        }
    }
}
