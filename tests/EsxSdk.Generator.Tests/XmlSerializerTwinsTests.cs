using System.Collections.Generic;
using System.Linq;
using EsxSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>The opt-in XmlSerializer twins mode (bench/ only): generates [XmlType] classes instead of the binding, and they compile.</summary>
    public sealed class XmlSerializerTwinsTests
    {
        [Theory]
        [InlineData("Inheritance")]
        [InlineData("SimpleContent")]
        [InlineData("Enumeration")]
        [InlineData("ArrayTypes")]
        [InlineData("Sequence")]
        public void Twins_mode_replaces_the_binding_with_compiling_XmlSerializer_types(string fixture)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new VimBindingGenerator().AsSourceGenerator() },
                Fixture.Load(fixture).Inputs(),
                GeneratorHarness.ParseOptions,
                new GlobalOptionsProvider(new Dictionary<string, string>
                {
                    [VimBindingGenerator.NamespaceProperty] = "Twins.Vim25",
                    [VimBindingGenerator.XmlSerializerTwinsProperty] = "true",
                }));

            driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out Compilation output, out _);
            GeneratorDriverRunResult result = driver.GetRunResult();

            Assert.Empty(result.Diagnostics);
            Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("Vim25.XmlSerializer.Contract.g.cs", System.StringComparison.Ordinal));
            Assert.All(result.GeneratedTrees, t => Assert.DoesNotContain("IVimXmlSerializable", t.ToString(), System.StringComparison.Ordinal));
            Assert.Contains(result.GeneratedTrees, t => t.ToString().Contains("System.Xml.Serialization.XmlType(", System.StringComparison.Ordinal));
            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
