using System.Collections.Generic;
using System.Linq;
using EsxSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    public sealed class NamespaceOptionTests
    {
        private const string Schema = """
            <schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25" xmlns:vim25="urn:vim25">
              <complexType name="DynamicData"><sequence/></complexType>
            </schema>
            """;

        [Fact]
        public void VimNamespace_names_the_namespace_of_the_binding()
        {
            (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/w/types.xsd", Schema) }, "My.Company.Vim25");

            Assert.Empty(result.Diagnostics);
            Assert.All(result.GeneratedTrees, t => Assert.Contains("namespace My.Company.Vim25", t.ToString(), System.StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("My.class.Vim25")]
        [InlineData("My-Company")]
        public void An_invalid_VimNamespace_warns_ESXG010_and_falls_back(string invalid)
        {
            (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/w/types.xsd", Schema) }, invalid);

            Diagnostic warning = Assert.Single(result.Diagnostics);
            Assert.Equal("ESXG010", warning.Id);
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            Assert.Contains(invalid, warning.GetMessage(), System.StringComparison.Ordinal);
            Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains("namespace Vim25", System.StringComparison.Ordinal));
        }

        [Fact]
        public void A_project_without_WSDL_gets_nothing_and_no_diagnostic()
        {
            (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(new List<AdditionalText>(), "X");

            Assert.Empty(result.Diagnostics);
            Assert.Empty(result.GeneratedTrees);
        }
    }
}
