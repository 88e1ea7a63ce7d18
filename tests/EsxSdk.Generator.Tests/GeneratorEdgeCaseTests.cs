using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EsxSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>Edge cases found by review: alias array types, one type name per binding, names that would hide object members.</summary>
    public sealed class GeneratorEdgeCaseTests
    {
        private const string Header = """<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:vim25="urn:vim25" targetNamespace="urn:vim25">""";

        [Fact]
        public void String_arrays_are_written_as_ArrayOfString_when_ArrayOfAnyURI_exists_too()
        {
            (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Files(("/b/types.xsd", Header + """
                  <xsd:complexType name="DynamicData"><xsd:sequence><xsd:element name="dynamicType" type="xsd:string" minOccurs="0" /></xsd:sequence></xsd:complexType>
                  <xsd:complexType name="ArrayOfString"><xsd:sequence><xsd:element name="string" type="xsd:string" minOccurs="0" maxOccurs="unbounded" /></xsd:sequence></xsd:complexType>
                  <xsd:complexType name="ArrayOfAnyURI"><xsd:sequence><xsd:element name="anyURI" type="xsd:anyURI" minOccurs="0" maxOccurs="unbounded" /></xsd:sequence></xsd:complexType>
                </xsd:schema>
                """)));

            string registry = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Vim25.TypeRegistry.g.cs", System.StringComparison.Ordinal)).ToString();
            string unwrapped = Regex.Replace(Regex.Replace(registry, "\\(\\n\\s+", "("), ",\\n\\s+", ", ");
            Assert.Contains("writer.WriteArrayValue(elementName, \"ArrayOfString\", \"string\"", unwrapped, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Same_type_name_in_two_namespaces_is_reported_as_ESXG006()
        {
            (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Files(
                ("/b/types.xsd", """
                    <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:reflect="urn:reflect" targetNamespace="urn:vim25">
                      <xsd:import namespace="urn:reflect" schemaLocation="reflect-types.xsd" />
                      <xsd:complexType name="Info"><xsd:sequence><xsd:element name="other" type="reflect:Info" /></xsd:sequence></xsd:complexType>
                    </xsd:schema>
                    """),
                ("/b/reflect-types.xsd", """
                    <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:reflect">
                      <xsd:complexType name="Info"><xsd:sequence><xsd:element name="c" type="xsd:int" /></xsd:sequence></xsd:complexType>
                    </xsd:schema>
                    """)));

            Diagnostic duplicate = Assert.Single(result.Diagnostics, d => d.Id == "ESXG006");
            Assert.Contains("urn:", duplicate.GetMessage(), System.StringComparison.Ordinal);
            Assert.Empty(result.GeneratedTrees);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void Member_names_never_hide_object_members()
        {
            (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Files(("/b/types.xsd", Header + """
                  <xsd:complexType name="Holder"><xsd:sequence><xsd:element name="referenceEquals" type="xsd:int" /></xsd:sequence></xsd:complexType>
                  <xsd:simpleType name="Odd"><xsd:restriction base="xsd:string"><xsd:enumeration value="memberwiseClone" /><xsd:enumeration value="referenceEquals" /></xsd:restriction></xsd:simpleType>
                </xsd:schema>
                """)));

            Assert.Empty(result.Diagnostics);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }

        private static IEnumerable<AdditionalText> Files(params (string Path, string Text)[] files)
            => files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text));
    }
}
