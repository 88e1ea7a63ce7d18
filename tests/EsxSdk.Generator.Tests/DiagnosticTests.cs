using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EsxSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// Malformed or unsupported input: each case reports the exact diagnostic at the exact place in the
    /// AdditionalFile, no exception escapes the generator, and no source is generated.
    /// </summary>
    public sealed class DiagnosticTests
    {
        private const string Schema = "/d/types.xsd";
        private const string Wsdl = "/d/vim.wsdl";

        [Fact]
        public void ESXG001_truncated_file()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                  <xsd:complexType name="Truncated">
                    <xsd:sequence>
                      <xsd:element name="a" type="xsd:int" />
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG001", Schema, 4, 46));
        }

        [Fact]
        public void ESXG001_document_type_declaration_is_refused_not_expanded()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <?xml version="1.0"?>
                <!DOCTYPE schema [ <!ENTITY type SYSTEM "file:///etc/passwd"> ]>
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                  <xsd:complexType name="A">
                    <xsd:sequence>
                      <xsd:element name="a" type="&type;" />
                    </xsd:sequence>
                  </xsd:complexType>
                </xsd:schema>
                """));

            // .NET's XmlException for a prohibited DTD carries no line information, so the
            // diagnostic points at the start of the file rather than at the DOCTYPE on line 2.
            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG001", Schema, 1, 1));
            Assert.Contains("DTD is prohibited", result.Diagnostics.Single().GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        [Fact]
        public void ESXG002_choice_in_a_sequence()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                  <xsd:complexType name="A">
                    <xsd:sequence>
                      <xsd:element name="a" type="xsd:int" />
                      <xsd:choice>
                        <xsd:element name="b" type="xsd:int" />
                        <xsd:element name="c" type="xsd:int" />
                      </xsd:choice>
                    </xsd:sequence>
                  </xsd:complexType>
                </xsd:schema>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG002", Schema, 5, 7));
        }

        [Fact]
        public void ESXG002_group()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:vim25="urn:vim25" targetNamespace="urn:vim25">
                  <xsd:group name="Common">
                    <xsd:sequence>
                      <xsd:element name="a" type="xsd:int" />
                    </xsd:sequence>
                  </xsd:group>
                  <xsd:complexType name="A">
                    <xsd:group ref="vim25:Common" />
                  </xsd:complexType>
                </xsd:schema>
                """));

            // The group definition (a schema child) and its use (a complexType child).
            AssertReportsOnly(
                result,
                new ExpectedDiagnostic("ESXG002", Schema, 2, 3),
                new ExpectedDiagnostic("ESXG002", Schema, 8, 5));
        }

        [Fact]
        public void ESXG002_complexContent_restriction()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:vim25="urn:vim25" targetNamespace="urn:vim25">
                  <xsd:complexType name="Base">
                    <xsd:sequence>
                      <xsd:element name="a" type="xsd:int" minOccurs="0" />
                    </xsd:sequence>
                  </xsd:complexType>
                  <xsd:complexType name="Restricted">
                    <xsd:complexContent>
                      <xsd:restriction base="vim25:Base">
                        <xsd:sequence />
                      </xsd:restriction>
                    </xsd:complexContent>
                  </xsd:complexType>
                </xsd:schema>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG002", Schema, 9, 7));
        }

        [Fact]
        public void ESXG002_simpleType_with_a_pattern_facet()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                  <xsd:simpleType name="MacAddress">
                    <xsd:restriction base="xsd:string">
                      <xsd:pattern value="[0-9a-f]{2}(:[0-9a-f]{2}){5}" />
                    </xsd:restriction>
                  </xsd:simpleType>
                </xsd:schema>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG002", Schema, 4, 7));
        }

        [Fact]
        public void ESXG003_unresolved_xsd_include()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                  <xsd:include schemaLocation="missing-types.xsd" />
                </xsd:schema>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG003", Schema, 2, 3));
        }

        [Fact]
        public void ESXG003_unresolved_wsdl_import()
        {
            GeneratorDriverRunResult result = Run((Wsdl, """
                <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:vim25Service">
                  <import location="missing.wsdl" namespace="urn:vim25" />
                </definitions>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG003", Wsdl, 2, 3));
        }

        [Fact]
        public void ESXG004_unknown_element_type()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:vim25="urn:vim25" targetNamespace="urn:vim25">
                  <xsd:complexType name="A">
                    <xsd:sequence>
                      <xsd:element name="b" type="vim25:NotDefinedAnywhere" />
                    </xsd:sequence>
                  </xsd:complexType>
                </xsd:schema>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG004", Schema, 4, 7));
        }

        [Fact]
        public void ESXG005_two_root_wsdls()
        {
            GeneratorDriverRunResult result = Run(
                ("/d/one.wsdl", """<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:one" />"""),
                ("/d/two.wsdl", """<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:two" />"""));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG005", "/d/two.wsdl", 1, 1));
            Assert.Contains("(/d/one.wsdl, /d/two.wsdl)", Message(result), System.StringComparison.Ordinal);
        }

        [Fact]
        public void ESXG006_type_defined_in_two_files()
        {
            GeneratorDriverRunResult result = Run(
                (Wsdl, """
                    <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:vim25">
                      <types>
                        <schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                          <include schemaLocation="a-types.xsd" />
                          <include schemaLocation="b-types.xsd" />
                        </schema>
                      </types>
                    </definitions>
                    """),
                ("/d/a-types.xsd", """
                    <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                      <xsd:complexType name="Twice">
                        <xsd:sequence />
                      </xsd:complexType>
                    </xsd:schema>
                    """),
                ("/d/b-types.xsd", """
                    <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                      <xsd:complexType name="Other">
                        <xsd:sequence />
                      </xsd:complexType>
                      <xsd:complexType name="Twice">
                        <xsd:sequence />
                      </xsd:complexType>
                    </xsd:schema>
                    """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG006", "/d/b-types.xsd", 5, 3));
            Assert.Equal("'Twice' is defined again here; the first definition is at /d/a-types.xsd(2)", Message(result));
        }

        [Fact]
        public void ESXG007_invalid_minOccurs()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                  <xsd:complexType name="A">
                    <xsd:sequence>
                      <xsd:element name="a" type="xsd:int" minOccurs="-1" />
                    </xsd:sequence>
                  </xsd:complexType>
                </xsd:schema>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG007", Schema, 4, 7));
        }

        [Fact]
        public void ESXG007_element_without_type()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:vim25">
                  <xsd:complexType name="A">
                    <xsd:sequence>
                      <xsd:element name="untyped" />
                    </xsd:sequence>
                  </xsd:complexType>
                </xsd:schema>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG007", Schema, 4, 7));
        }

        [Fact]
        public void ESXG008_circular_inheritance()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:vim25="urn:vim25" targetNamespace="urn:vim25">
                  <xsd:complexType name="Chicken">
                    <xsd:complexContent>
                      <xsd:extension base="vim25:Egg" />
                    </xsd:complexContent>
                  </xsd:complexType>
                  <xsd:complexType name="Egg">
                    <xsd:complexContent>
                      <xsd:extension base="vim25:Chicken" />
                    </xsd:complexContent>
                  </xsd:complexType>
                </xsd:schema>
                """));

            // One per type of the cycle, each at its complexType.
            AssertReportsOnly(
                result,
                new ExpectedDiagnostic("ESXG008", Schema, 2, 3),
                new ExpectedDiagnostic("ESXG008", Schema, 7, 3));
            Assert.All(result.Diagnostics, d => Assert.EndsWith("the inheritance chain is circular", d.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal));
        }

        [Fact]
        public void ESXG008_extending_an_enumeration()
        {
            GeneratorDriverRunResult result = Run((Schema, """
                <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:vim25="urn:vim25" targetNamespace="urn:vim25">
                  <xsd:simpleType name="Color">
                    <xsd:restriction base="xsd:string">
                      <xsd:enumeration value="red" />
                    </xsd:restriction>
                  </xsd:simpleType>
                  <xsd:complexType name="ColorPlus">
                    <xsd:complexContent>
                      <xsd:extension base="vim25:Color" />
                    </xsd:complexContent>
                  </xsd:complexType>
                </xsd:schema>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG008", Schema, 7, 3));
            Assert.Equal("'ColorPlus' cannot extend 'Color': complexContent must extend a complex type", Message(result));
        }

        [Fact]
        public void ESXG009_root_neither_wsdl_nor_schema()
        {
            GeneratorDriverRunResult result = Run(("/d/project.xsd", """
                <?xml version="1.0"?>
                <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup />
                </Project>
                """));

            AssertReportsOnly(result, new ExpectedDiagnostic("ESXG009", "/d/project.xsd", 2, 1));
        }

        [Fact]
        public void No_wsdl_or_xsd_additional_files_generates_and_reports_nothing()
        {
            GeneratorDriverRunResult result = Run(
                ("/d/readme.txt", "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" />"),
                ("/d/settings.xml", "not even XML"));

            GeneratorRunResult run = result.Results.Single();
            Assert.Null(run.Exception);
            Assert.Empty(run.Diagnostics);
            Assert.Empty(run.GeneratedSources);
        }

        private static GeneratorDriverRunResult Run(params (string Path, string Text)[] files)
            => GeneratorHarness.CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)))
                .RunGenerators(GeneratorHarness.EmptyCompilation())
                .GetRunResult();

        /// <summary>Exactly these diagnostics (in any order), no exception, and nothing generated.</summary>
        private static void AssertReportsOnly(GeneratorDriverRunResult result, params ExpectedDiagnostic[] expected)
        {
            GeneratorRunResult run = result.Results.Single();
            Assert.Null(run.Exception);
            Assert.Equal(Sorted(expected), Sorted(run.Diagnostics.Select(ExpectedDiagnostic.From)));
            Assert.Empty(run.GeneratedSources);
        }

        private static string Message(GeneratorDriverRunResult result) => result.Diagnostics.Single().GetMessage(CultureInfo.InvariantCulture);

        private static List<string> Sorted(IEnumerable<ExpectedDiagnostic> diagnostics)
            => diagnostics.Select(d => d.ToString()).OrderBy(s => s, System.StringComparer.Ordinal).ToList();
    }
}
