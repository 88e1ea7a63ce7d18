using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using EsxSdk.Generator.Model;
using EsxSdk.Generator.Parsing;
using EsxSdk.Generator.Tests.Support;
using EsxSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// Live hosts serve one self-contained vim.wsdl with the schema inline; the SDK ships
    /// vimService.wsdl -> vim.wsdl -> *.xsd. Both must give the same binding.
    /// </summary>
    public sealed class LayoutEquivalenceTests
    {
        private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
        private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";

        private readonly ITestOutputHelper output;

        public LayoutEquivalenceTests(ITestOutputHelper output) => this.output = output;

        [Theory]
        [InlineData("vim25-7.0u2")]
        [InlineData("vim25-5.5")]
        public void A_self_contained_vim_wsdl_links_to_the_same_binding_as_the_SDK_layout(string set)
        {
            string folder = Path.Combine(TestPaths.SharedWsdlRoot, set);
            string inline = SelfContainedWsdl(folder);

            BindingModel fromSdkLayout = FullWsdlTests.Link(folder);
            BindingModel fromInline = FullWsdlTests.Link(new[] { SchemaDocumentParser.Parse("/host/sdk/vim.wsdl", inline, CancellationToken.None) });

            Assert.Equal(fromSdkLayout.Classes.Count, fromInline.Classes.Count);
            Assert.Equal(fromSdkLayout, fromInline);
        }

        [Fact]
        public void Generation_time_of_the_full_70u2_set_is_reported()
        {
            // Not a timing assertion (benchmarks do that): the figure goes to the test log for the notes.
            AdditionalText[] files = GeneratorHarness.Folder(TestPaths.Wsdl70u2).ToArray();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(files);
            WarmUp();

            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(GeneratorHarness.EmptyCompilation());
            long full = clock.ElapsedMilliseconds;
            clock.Restart();
            driver = driver.RunGenerators(GeneratorHarness.EmptyCompilation());
            long again = clock.ElapsedMilliseconds;

            GeneratorDriverRunResult result = driver.GetRunResult();
            Assert.Empty(result.Diagnostics);
            long bytes = result.GeneratedTrees.Sum(t => (long)t.Length);
            this.output.WriteLine($"7.0u2: full generation {full} ms, re-run with nothing changed {again} ms, {result.GeneratedTrees.Length} files, {bytes / 1024} KiB of C#");
        }

        /// <summary>Inlines every schema of the set into vim.wsdl's types, dropping include and import.</summary>
        private static string SelfContainedWsdl(string folder)
        {
            XDocument wsdl = XDocument.Load(Path.Combine(folder, "vim.wsdl"));
            XElement schema = wsdl.Root!.Element(Wsdl + "types")!.Element(Xsd + "schema")!;
            schema.Elements().Where(IsReference).Remove();
            var seen = new HashSet<string>();
            foreach (string file in Directory.GetFiles(folder, "*.xsd").OrderBy(f => f, System.StringComparer.Ordinal))
            {
                XElement root = XDocument.Load(file).Root!;
                if ((string?)root.Attribute("targetNamespace") != "urn:vim25")
                {
                    continue;
                }

                foreach (XElement definition in root.Elements().Where(e => !IsReference(e)))
                {
                    if (seen.Add(definition.Name.LocalName + "|" + (string?)definition.Attribute("name")))
                    {
                        schema.Add(definition);
                    }
                }
            }

            return wsdl.ToString();
        }

        private static bool IsReference(XElement element) => element.Name == Xsd + "include" || element.Name == Xsd + "import";

        /// <summary>Runs the generator once on a tiny input so JIT warm-up is not counted as generation time.</summary>
        private static void WarmUp()
            => GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/w/t.xsd", "<schema xmlns=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:vim25\"><complexType name=\"A\"><sequence/></complexType></schema>") })
                .RunGenerators(GeneratorHarness.EmptyCompilation());
    }
}
