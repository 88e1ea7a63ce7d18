using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EsxSdk.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EsxSdk.Generator.Tests.Support
{
    /// <summary>
    /// Runs the generator on a <see cref="Fixture"/> through the Roslyn source generator test framework:
    /// the generated sources must equal expected/ (hint names and text) and compile without errors or
    /// warnings against .NET 8 and the runtime assembly.
    /// </summary>
    internal static class FixtureVerifier
    {
        /// <param name="fixture">The fixture.</param>
        /// <param name="properties">Extra MSBuild properties (build_property.NAME) for the generator.</param>
        /// <param name="compile">
        /// False for output that only compiles inside the runtime itself (the task wrappers call its runner with its own
        /// binding's types); the runtime's build compiles the real wrappers with warnings as errors.
        /// </param>
        /// <param name="expectedDiagnostics">The generator's diagnostics the compiled run must report (infos about the model).</param>
        public static async Task VerifyAsync(Fixture fixture, IReadOnlyDictionary<string, string>? properties = null, bool compile = true, params DiagnosticResult[] expectedDiagnostics)
        {
            IReadOnlyList<AdditionalText> inputs = fixture.Inputs();
            if (Fixture.UpdateRequested)
            {
                fixture.WriteExpected(Generate(inputs, properties));
            }

            IReadOnlyList<(string HintName, string Text)> expected = fixture.Expected();
            if (expected.Count == 0)
            {
                throw new InvalidOperationException(
                    "Fixture '" + fixture.Name + "' has no expected sources; run the tests once with " + Fixture.UpdateVariable + "=1 and review " + fixture.ExpectedFolder + ".");
            }

            // A plain comparison first: xunit shows a readable text diff, the framework only the file list.
            IReadOnlyList<(string HintName, string Text)> actual = Generate(inputs, properties);
            string hint = " (if the change is intended, rerun with " + Fixture.UpdateVariable + "=1 and review the diff of " + fixture.ExpectedFolder + ")";
            Assert.True(
                expected.Select(e => e.HintName).SequenceEqual(actual.Select(a => a.HintName)),
                "hint names differ" + hint + ": expected " + string.Join(", ", expected.Select(e => e.HintName)) + "; actual " + string.Join(", ", actual.Select(a => a.HintName)));
            for (int i = 0; i < expected.Count; i++)
            {
                if (expected[i].Text != actual[i].Text)
                {
                    Assert.Fail(expected[i].HintName + " differs" + hint + FirstDifference(expected[i].Text, actual[i].Text));
                }
            }

            if (!compile)
            {
                return;
            }

            // Then the framework: the same comparison through a compiled project, plus no compiler errors or warnings.
            var test = new Test();
            var modelSections = new StringBuilder();
            foreach (AdditionalText input in inputs)
            {
                test.TestState.AdditionalFiles.Add((input.Path, input.GetText()!));
                if (GeneratorHarness.IsJson(input))
                {
                    // What the VimManagedObjects item's metadata says in a real build.
                    modelSections.Append("\n[" + input.Path + "]\n" + VimBindingGenerator.FileKindMetadata + " = " + VimBindingGenerator.ManagedObjectsKind + "\n");
                }
            }

            if (modelSections.Length > 0)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.modelconfig", "is_global = true\n" + modelSections));
            }

            foreach ((string hintName, string text) in expected)
            {
                test.TestState.GeneratedSources.Add((typeof(VimBindingGenerator), hintName, SourceText.From(text, Encoding.UTF8)));
            }

            test.TestState.ExpectedDiagnostics.AddRange(expectedDiagnostics);
            await test.RunAsync();
        }

        /// <summary>The generator's output for <paramref name="inputs"/> via a plain driver, by hint name.</summary>
        public static IReadOnlyList<(string HintName, string Text)> Generate(
            IEnumerable<AdditionalText> inputs,
            IReadOnlyDictionary<string, string>? properties = null,
            Func<AdditionalText, bool>? isManagedObjectModel = null)
        {
            GeneratorDriverRunResult result = GeneratorHarness.CreateDriver(inputs, Fixture.Namespace, properties, isManagedObjectModel)
                .RunGenerators(GeneratorHarness.EmptyCompilation())
                .GetRunResult();
            // Infos (ESXG012: a model item naming a type the fixture lacks, on purpose) are checked by their own tests.
            if (result.Diagnostics.Any(d => d.Severity > DiagnosticSeverity.Info))
            {
                throw new InvalidOperationException("The generator reported diagnostics:\n" + string.Join("\n", result.Diagnostics));
            }

            return result.Results.Single().GeneratedSources
                .Select(s => (s.HintName, s.SourceText.ToString()))
                .OrderBy(s => s.HintName, StringComparer.Ordinal)
                .ToList();
        }

        private static string FirstDifference(string expected, string actual)
        {
            string[] expectedLines = expected.Split('\n');
            string[] actualLines = actual.Split('\n');
            for (int line = 0; line < Math.Max(expectedLines.Length, actualLines.Length); line++)
            {
                string? e = line < expectedLines.Length ? expectedLines[line] : null;
                string? a = line < actualLines.Length ? actualLines[line] : null;
                if (e != a)
                {
                    return "\nfirst difference at line " + (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + "\nexpected: " + (e ?? "(end of file)") + "\nactual:   " + (a ?? "(end of file)");
                }
            }

            return string.Empty;
        }

        private sealed class Test : CSharpSourceGeneratorTest<VimBindingGenerator, DefaultVerifier>
        {
            /// <summary>The runtime targets net10.0: generated code compiles against this process's .NET 10 assemblies.</summary>
            private static readonly MetadataReference[] PlatformReferences = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(System.IO.Path.PathSeparator)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();

            public Test()
            {
                this.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
                this.TestState.AdditionalReferences.AddRange(PlatformReferences);
                this.TestState.AdditionalReferences.Add(typeof(IVimXmlSerializable).Assembly);
                this.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.VimNamespace = " + Fixture.Namespace));

                // Warnings count too: the generated binding is compiled with TreatWarningsAsErrors.
                this.CompilerDiagnostics = CompilerDiagnostics.Warnings;
            }
        }
    }
}
