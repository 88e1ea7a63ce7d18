using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EsxSdk.Analyzers;
using EsxSdk.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// An <see cref="AnalyzerWorkload"/> parsed and compiled against this process's .NET assemblies and EsxSdk.dll, checked
    /// (no compiler error, every rule finds what the shapes predict), ready to be analysed.
    /// </summary>
    public sealed class AnalyzerWorkloadCompilation
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> EsxSdkAnalyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new RawTaskStartAnalyzer(), new TaskReferenceAnalyzer(), new AutoAnswerAnalyzer(), new BlockingTaskAnalyzer());

        public static readonly ImmutableArray<DiagnosticAnalyzer> EmptyWalk = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyInvocationAnalyzer());

        // In-process BenchmarkDotNet runs every case in this process: parse, compile and check each size once.
        private static readonly ConcurrentDictionary<int, AnalyzerWorkloadCompilation> BySize = new();

        private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

        private AnalyzerWorkloadCompilation(AnalyzerWorkload workload, CSharpCompilation compilation)
        {
            this.Workload = workload;
            this.Compilation = compilation;
        }

        public AnalyzerWorkload Workload { get; }

        public CSharpCompilation Compilation { get; }

        public static AnalyzerWorkloadCompilation For(int methods) => BySize.GetOrAdd(methods, m => Create(AnalyzerWorkload.Generate(m)));

        /// <summary>
        /// The analyzers' diagnostics on a new <see cref="CompilationWithAnalyzers"/>, which binds everything anew as an IDE
        /// or build does. One thread: the benchmark measures work, not how many of the shared machine's cores were free.
        /// </summary>
        public Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
            => this.WithAnalyzers(analyzers, logExecutionTime: false).GetAnalyzerDiagnosticsAsync();

        public CompilationWithAnalyzers WithAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime)
            => this.Compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logExecutionTime));

        private static AnalyzerWorkloadCompilation Create(AnalyzerWorkload workload)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "AnalyzerWorkload" + workload.Methods,
                workload.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path)),
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
            var result = new AnalyzerWorkloadCompilation(workload, compilation);
            result.Check();
            return result;
        }

        /// <summary>Fails the benchmark when the workload does not compile or the rules do not find what its shapes contain.</summary>
        private void Check()
        {
            Diagnostic[] errors = this.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                throw new InvalidOperationException($"The analyzer workload does not compile ({errors.Length} errors), first: {errors[0]}");
            }

            ImmutableArray<Diagnostic> found = this.AnalyzeAsync(EsxSdkAnalyzers).GetAwaiter().GetResult();
            Dictionary<string, int> byRule = found.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            string Describe(IEnumerable<KeyValuePair<string, int>> counts) => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + " " + c.Value));
            Console.WriteLine($"// analyzer workload: {this.Workload.Methods} methods in {this.Workload.Files.Count} files (seed {this.Workload.Seed}); expected {Describe(this.Workload.Expected)}; found {Describe(byRule)}");
            bool same = byRule.Count == this.Workload.Expected.Count && byRule.All(r => this.Workload.Expected.TryGetValue(r.Key, out int n) && n == r.Value);
            if (!same)
            {
                throw new InvalidOperationException("The EsxSdk analyzers did not find what the workload's shapes contain, first: " + found.FirstOrDefault());
            }
        }

        /// <summary>The running .NET's assemblies, EsxSdk.dll and what EsxSdk.dll references from beside it (as a consumer project compiles).</summary>
        private static MetadataReference[] LoadReferences()
        {
            string esxSdk = typeof(VimTaskStarterAttribute).Assembly.Location;
            string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var referencedByEsxSdk = typeof(VimTaskStarterAttribute).Assembly.GetReferencedAssemblies().Select(a => a.Name + ".dll").ToHashSet(StringComparer.OrdinalIgnoreCase);
            return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(path => Path.GetDirectoryName(path) == framework || referencedByEsxSdk.Contains(Path.GetFileName(path)))
                .Append(esxSdk)
                .Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();
        }
    }
}
