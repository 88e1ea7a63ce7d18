using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace EsxSdk.Benchmarks
{
    /// <summary>One analyzer's share of an analysis run, as Roslyn's telemetry times it (median of the runs).</summary>
    public sealed record AnalyzerTime(string Analyzer, string Rules, double ExecutionMs);

    /// <summary>
    /// Each EsxSdk analyzer's own time (the time spent in its actions), from Roslyn's telemetry
    /// (<c>logAnalyzerExecutionTime</c>, <see cref="CompilationWithAnalyzers.GetAnalyzerTelemetryInfoAsync"/>). Kept out of
    /// the BenchmarkDotNet cases because timing every action slows the run it times; written to analyzers-{methods}.json.
    /// </summary>
    public static class AnalyzerTelemetry
    {
        // Every case of a size runs its global setup in this process (in-process toolchain): measure each size once.
        private static readonly HashSet<int> Measured = [];

        public static string ResultPath(int methods) => Path.Combine(Artifacts.Root, $"analyzers-{methods}.json");

        public static void MeasureOnce(AnalyzerWorkloadCompilation target, int runs)
        {
            if (!Measured.Add(target.Workload.Methods))
            {
                return;
            }

            // The first runs are not timed: until the JIT has tiered up Roslyn's and the analyzers' code, the first size
            // measured would look dearer per method than the next. They also warm the BenchmarkDotNet cases that follow.
            int warmUps = runs > 1 ? 3 : 0;
            var samples = new Dictionary<DiagnosticAnalyzer, List<double>>();
            for (int run = 0; run < warmUps + runs; run++)
            {
                CompilationWithAnalyzers analysis = target.WithAnalyzers(AnalyzerWorkloadCompilation.EsxSdkAnalyzers, logExecutionTime: true);
                analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                if (run < warmUps)
                {
                    continue;
                }

                foreach (DiagnosticAnalyzer analyzer in AnalyzerWorkloadCompilation.EsxSdkAnalyzers)
                {
                    AnalyzerTelemetryInfo info = analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
                    samples.TryAdd(analyzer, []);
                    samples[analyzer].Add(info.ExecutionTime.TotalMilliseconds);
                }
            }

            AnalyzerTime[] times = AnalyzerWorkloadCompilation.EsxSdkAnalyzers
                .Select(a => new AnalyzerTime(a.GetType().Name, string.Join(", ", a.SupportedDiagnostics.Select(d => d.Id).Distinct()), ResultFiles.Median(samples[a])))
                .ToArray();
            foreach (AnalyzerTime time in times)
            {
                Console.WriteLine($"// {target.Workload.Methods} methods, {time.Analyzer} ({time.Rules}): {time.ExecutionMs:F1} ms (median of {runs})");
            }

            Directory.CreateDirectory(Artifacts.Root);
            File.WriteAllText(ResultPath(target.Workload.Methods), JsonSerializer.Serialize(new { methods = target.Workload.Methods, runs, analyzers = times }));
        }

        public static IReadOnlyList<AnalyzerTime> Read(int methods)
        {
            using JsonDocument? json = ResultFiles.Json(Path.GetFileName(ResultPath(methods)));
            return json is null
                ? []
                : json.RootElement.GetProperty("analyzers").EnumerateArray()
                    .Select(a => new AnalyzerTime(a.GetProperty("Analyzer").GetString()!, a.GetProperty("Rules").GetString()!, a.GetProperty("ExecutionMs").GetDouble()))
                    .ToArray();
        }
    }
}
