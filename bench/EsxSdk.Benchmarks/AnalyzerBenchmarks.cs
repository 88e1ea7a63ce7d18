using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Measure 6: the EsxSdk analyzers (ESX0001-ESX0004) over a generated solution of 200 and 2,000 methods that start
    /// vim25 tasks (<see cref="AnalyzerWorkload"/>), against the compiler's own diagnostics pass over the same sources and
    /// against an analyzer that does nothing on every invocation (what the operation walk itself costs).
    /// </summary>
    [Config(typeof(BenchConfig))]
    public class AnalyzerBenchmarks
    {
        private AnalyzerWorkloadCompilation workload = null!;

        /// <summary>Two sizes ten times apart: the time per method stays flat when no work grows with the whole compilation.</summary>
        public static IReadOnlyList<int> Sizes { get; } = [200, 2000];

        [ParamsSource(nameof(Sizes))]
        public int Methods { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            this.workload = AnalyzerWorkloadCompilation.For(this.Methods);
            AnalyzerTelemetry.MeasureOnce(Sizes, Environment.GetEnvironmentVariable("ESXSDK_BENCH_QUICK") == "1" ? 1 : 5);
        }

        /// <summary>
        /// The compiler alone: declarations and every method body bound, on a clone so that nothing bound earlier is reused
        /// (a <c>CompilationWithAnalyzers</c> starts from a new compilation too).
        /// </summary>
        [Benchmark(Baseline = true)]
        public ImmutableArray<Diagnostic> CompilerDiagnostics() => this.workload.Compilation.Clone().GetDiagnostics();

        [Benchmark]
        public Task<ImmutableArray<Diagnostic>> EmptyOperationWalk() => this.workload.AnalyzeAsync(AnalyzerWorkloadCompilation.EmptyWalk);

        [Benchmark]
        public Task<ImmutableArray<Diagnostic>> EsxSdkAnalyzers() => this.workload.AnalyzeAsync(AnalyzerWorkloadCompilation.EsxSdkAnalyzers);
    }
}
