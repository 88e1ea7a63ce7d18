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
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
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

            Assert.Equal(classes, model.Classes.Count(c => !c.IsResponse));
            Assert.Equal(operations, model.Classes.Count(c => c.IsResponse));
            Assert.Equal(operations, model.Operations.Count);
            Assert.Equal(tasks, model.Operations.Count(o => o.IsTask));
            Assert.Equal(tasks, model.Operations.Count(o => o.TaskWrapper != null));
            Assert.Equal(model.Operations.Count + tasks, model.Operations.Select(o => o.MethodName).Concat(model.Operations.Where(o => o.TaskWrapper != null).Select(o => o.TaskWrapper!.MethodName)).Distinct().Count());
            Assert.All(model.Operations, o => Assert.EndsWith("Async", o.MethodName, System.StringComparison.Ordinal));
            Assert.Equal(enums, model.Enums.Count);
            Assert.Equal(arrayTypes, model.ArrayTypes.Count);
            Assert.Equal(faults, model.Classes.Count(c => c.IsFault));
            Assert.Equal(requestTypes, model.Classes.Count(c => c.WireName.EndsWith("RequestType", System.StringComparison.Ordinal)));
            Assert.Equal("urn:vim25", model.TargetNamespace);
        }

        /// <summary>The 5.5 binding, generated once for the tests that read it.</summary>
        private static readonly Lazy<(GeneratorDriverRunResult Result, Compilation Output)> Binding55 = new(() => GeneratorHarness.Run(GeneratorHarness.Folder(TestPaths.Wsdl55), "Vim55"));

        [Fact]
        public void The_55_binding_generates_and_compiles_without_errors_or_warnings()
        {
            // 7.0u2 compiles as runtime/EsxSdk itself, with warnings as errors; this is the second schema.
            (GeneratorDriverRunResult result, Compilation output) = Binding55.Value;

            Assert.Empty(result.Diagnostics);
            Assert.True(result.GeneratedTrees.Length > 50, "expected the binding split into many files");
            Assert.All(result.GeneratedTrees, tree => Assert.True(tree.Length < 1_000_000, tree.FilePath + " is over 1 MB"));
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        /// <summary>
        /// Every parameter, argument and array-initializer list of two or more items that would make its line longer than
        /// the writer's width is wrapped one item a line (lists nested in an item stay on the item's line).
        /// </summary>
        [Fact]
        public void Long_lists_in_the_55_binding_are_wrapped()
        {
            var unwrapped = new List<string>();
            int wrapped = 0;
            foreach (SyntaxTree tree in Binding55.Value.Result.GeneratedTrees)
            {
                SourceText text = tree.GetText();
                foreach (SyntaxNode list in tree.GetRoot().DescendantNodes().Where(n => ItemCount(n) > 1 && !n.Ancestors().Any(a => ItemCount(a) > 0)))
                {
                    FileLinePositionSpan span = list.GetLocation().GetLineSpan();
                    if (span.StartLinePosition.Line != span.EndLinePosition.Line)
                    {
                        wrapped++;
                    }
                    else if (text.Lines[span.StartLinePosition.Line].Span.Length > 120)
                    {
                        unwrapped.Add(Path.GetFileName(tree.FilePath) + "(" + (span.StartLinePosition.Line + 1) + "): " + text.Lines[span.StartLinePosition.Line].ToString().Trim());
                    }
                }
            }

            Assert.True(wrapped > 1000, "expected many wrapped lists, found " + wrapped);
            Assert.True(unwrapped.Count == 0, unwrapped.Count + " long lines with a list on one line, e.g.\n" + string.Join("\n", unwrapped.Take(10)));
        }

        /// <summary>Every generated type carries [GeneratedCode] with the generator's name and version, once (partial service included).</summary>
        [Fact]
        public void Every_generated_type_carries_GeneratedCode_once()
        {
            string expected = "global::System.CodeDom.Compiler.GeneratedCodeAttribute(\"EsxSdk.Generator\", \"" + typeof(VimBindingGenerator).Assembly.GetName().Version + "\")";
            var declarations = Binding55.Value.Result.GeneratedTrees
                .SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
                .GroupBy(d => d.Identifier.ValueText)
                .ToList();

            Assert.True(declarations.Count > 3000, "expected the whole binding, found " + declarations.Count + " types");
            Assert.All(declarations, type => Assert.Equal(
                new[] { expected },
                type.SelectMany(d => d.AttributeLists).SelectMany(l => l.Attributes).Select(a => a.ToString()).Where(a => a.Contains("GeneratedCode", StringComparison.Ordinal))));
        }

        /// <summary>Expected counts: the entries of KnownTaskResults whose operation (and result type) the WSDL has, counted from the XSD text.</summary>
        [Theory]
        [InlineData("vim25-7.0u2", 13, 30, 127)]
        [InlineData("vim25-5.5", 11, 17, 46)]
        public void Task_wrappers_type_the_documented_results_and_precheck_the_vms_they_act_on(string set, int references, int dataObjects, int undocumented)
        {
            BindingModel model = Link(System.IO.Path.Combine(TestPaths.SharedWsdlRoot, set));
            TaskWrapperModel[] wrappers = model.Operations.Where(o => o.TaskWrapper != null).Select(o => o.TaskWrapper!).ToArray();
            TaskWrapperModel Wrapper(string operation) => model.Operations.Single(o => o.WireName == operation).TaskWrapper!;

            Assert.Equal(references, wrappers.Count(w => w.ResultTypeName == "global::Test.Vim25.ManagedObjectReference"));
            Assert.Equal(dataObjects, wrappers.Count(w => w.Shape is TaskResultShape.Single or TaskResultShape.Array && w.ResultTypeName != "global::Test.Vim25.ManagedObjectReference"));
            Assert.Equal(undocumented, wrappers.Count(w => w.Shape == TaskResultShape.Unknown));
            Assert.Equal(("PowerOnVMAsync", TaskResultShape.None), (Wrapper("PowerOnVM_Task").MethodName, Wrapper("PowerOnVM_Task").Shape));
            Assert.Equal(new[] { "@this", "vm" }, model.Operations.Single(o => o.WireName == "PowerOnMultiVM_Task").TaskTargets.ToArray());
            Assert.Equal("global::Test.Vim25.ClusterPowerOnVmResult", Wrapper("PowerOnMultiVM_Task").ResultTypeName);
            Assert.Equal(new[] { "@this" }, model.Operations.Single(o => o.WireName == "CheckCompatibility_Task").TaskTargets.ToArray());
            Assert.Equal((TaskResultShape.Array, "global::Test.Vim25.CheckResult"), (Wrapper("CheckCompatibility_Task").Shape, Wrapper("CheckCompatibility_Task").ResultTypeName));
            Assert.Equal((TaskResultShape.Single, "string"), (Wrapper("CreateVirtualDisk_Task").Shape, Wrapper("CreateVirtualDisk_Task").ResultTypeName));
        }

        /// <summary>The items of a parameter, argument or array-initializer list; 0 for any other node.</summary>
        private static int ItemCount(SyntaxNode node) => node switch
        {
            BaseParameterListSyntax parameters => parameters.Parameters.Count,
            BaseArgumentListSyntax arguments => arguments.Arguments.Count,
            InitializerExpressionSyntax initializer when initializer.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ArrayInitializerExpression) => initializer.Expressions.Count,
            _ => 0,
        };

        internal static BindingModel Link(string folder)
            => Link(GeneratorHarness.Folder(folder).Select(f => SchemaDocumentParser.Parse(f.Path, f.GetText()!.ToString(), CancellationToken.None)));

        /// <summary>The binding of the documents (namespace Test.Vim25), asserting linking reported nothing.</summary>
        internal static BindingModel Link(IEnumerable<SchemaDocument> documents)
        {
            LinkResult result = BindingLinker.Link(documents.ToImmutableArray(), ImmutableArray<ManagedObjectDocument>.Empty, new GeneratorOptions("Test.Vim25", null), CancellationToken.None);
            Assert.Empty(result.Diagnostics);
            return Assert.IsType<BindingModel>(result.Model);
        }
    }
}
