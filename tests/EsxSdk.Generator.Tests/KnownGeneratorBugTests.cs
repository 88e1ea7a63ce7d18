using System.Collections.Generic;
using System.Linq;
using EsxSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// What the generator should do but does not yet. Each test states the correct behaviour and is
    /// skipped until the generator is fixed; remove the Skip with the fix.
    /// </summary>
    public sealed class KnownGeneratorBugTests
    {
        private const string Header = """<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:vim25="urn:vim25" targetNamespace="urn:vim25">""";

        [Fact(Skip = "Generator bug: RegistryEmitter.WritableArrayTypes ranks ArrayOfAnyURI like ArrayOfString, then picks it by name order")]
        public void String_arrays_are_written_as_ArrayOfString_when_ArrayOfAnyURI_exists_too()
        {
            (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Files(("/b/types.xsd", Header + """
                  <xsd:complexType name="DynamicData"><xsd:sequence><xsd:element name="dynamicType" type="xsd:string" minOccurs="0" /></xsd:sequence></xsd:complexType>
                  <xsd:complexType name="ArrayOfString"><xsd:sequence><xsd:element name="string" type="xsd:string" minOccurs="0" maxOccurs="unbounded" /></xsd:sequence></xsd:complexType>
                  <xsd:complexType name="ArrayOfAnyURI"><xsd:sequence><xsd:element name="anyURI" type="xsd:anyURI" minOccurs="0" maxOccurs="unbounded" /></xsd:sequence></xsd:complexType>
                </xsd:schema>
                """)));

            string registry = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Vim25.TypeRegistry.g.cs", System.StringComparison.Ordinal)).ToString();
            Assert.Contains("writer.WriteArrayValue(elementName, \"ArrayOfString\", \"string\"", registry, System.StringComparison.Ordinal);
        }

        [Fact(Skip = "Generator bug: types with the same local name in two namespaces emit duplicate CreateObject arms (CS8510) and no diagnostic")]
        public void Same_type_name_in_two_namespaces_is_reported_or_compiles()
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

            Assert.True(!result.Diagnostics.IsEmpty || !output.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact(Skip = "Generator bug: ReferenceEquals (classes) and MemberwiseClone/ReferenceEquals (enums) are not reserved member names; CS0108")]
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
