using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using EsxSdk.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Measure 4: the generator through a real <see cref="CSharpGeneratorDriver"/> on the 7.0u2 WSDL and XSDs — a full
    /// generation (new driver: parse, link, emit every file) and a re-run of a driver that already ran, with nothing changed.
    /// </summary>
    [Config(typeof(BenchConfig))]
    public class GeneratorBenchmarks
    {
        private ImmutableArray<AdditionalText> files;
        private CSharpCompilation compilation = null!;
        private GeneratorDriver warmDriver = null!;

        [GlobalSetup]
        public void Setup()
        {
            this.files = Directory.GetFiles(Artifacts.WsdlFolder)
                .Where(f => f.EndsWith(".wsdl", StringComparison.Ordinal) || f.EndsWith(".xsd", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (AdditionalText)new FileText(f, SourceText.From(File.ReadAllText(f))))
                .ToImmutableArray();
            if (this.files.IsEmpty)
            {
                throw new InvalidOperationException("No WSDL in " + Artifacts.WsdlFolder);
            }

            this.compilation = CSharpCompilation.Create("Bench", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            this.warmDriver = this.CreateDriver().RunGenerators(this.compilation);
            int generated = this.warmDriver.GetRunResult().GeneratedTrees.Length;
            Console.WriteLine($"// {this.files.Length} WSDL/XSD files, {generated} generated files");
            if (generated < 50)
            {
                throw new InvalidOperationException("The generator produced only " + generated + " files");
            }
        }

        [Benchmark(Baseline = true)]
        public GeneratorDriver FullGeneration() => this.CreateDriver().RunGenerators(this.compilation);

        [Benchmark]
        public GeneratorDriver NoChangeRerun() => this.warmDriver.RunGenerators(this.compilation);

        private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
            [new VimBindingGenerator().AsSourceGenerator()],
            this.files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(new Dictionary<string, string> { [VimBindingGenerator.NamespaceProperty] = "Bench.Vim25" }));

        private sealed class FileText(string path, SourceText text) : AdditionalText
        {
            public override string Path { get; } = path;

            public override SourceText GetText(CancellationToken cancellationToken = default) => text;
        }

        private sealed class OptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
        {
            private readonly Options options = new(values);

            public override AnalyzerConfigOptions GlobalOptions => this.options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

            private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
            {
                public static readonly Options Empty = new([]);

                public override bool TryGetValue(string key, out string value)
                {
                    bool found = values.TryGetValue(key, out string? v);
                    value = v ?? string.Empty;
                    return found;
                }
            }
        }
    }
}
