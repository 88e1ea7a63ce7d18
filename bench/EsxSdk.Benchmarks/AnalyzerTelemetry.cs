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
        // Every case runs its global setup in this process (in-process toolchain): measure once per run.
        private static bool measured;

        public static string ResultPath(int methods) => Path.Combine(Artifacts.Root, $"analyzers-{methods}.json");

        /// <summary>
        /// Times every size in turn, round after round, so that the load of the shared machine weighs on each size alike
        /// (the sizes' ratio is the linearity figure). The first rounds are not timed: until the JIT has tiered up Roslyn's
        /// and the analyzers' code, whichever size ran first would look dearer per method. They also warm the cases that follow.
        /// </summary>
        public static void MeasureOnce(IReadOnlyList<int> sizes, int runs)
        {
            if (measured)
            {
                return;
            }

            measured = true;
            int warmUps = runs > 1 ? 3 : 0;
            var samples = sizes.ToDictionary(m => m, _ => AnalyzerWorkloadCompilation.EsxSdkAnalyzers.ToDictionary(a => a, _ => new List<double>()));
            for (int run = 0; run < warmUps + runs; run++)
            {
                foreach (int methods in sizes)
                {
                    CompilationWithAnalyzers analysis = AnalyzerWorkloadCompilation.For(methods).WithAnalyzers(AnalyzerWorkloadCompilation.EsxSdkAnalyzers, logExecutionTime: true);
                    analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                    foreach (DiagnosticAnalyzer analyzer in AnalyzerWorkloadCompilation.EsxSdkAnalyzers.Where(_ => run >= warmUps))
                    {
                        AnalyzerTelemetryInfo info = analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
                        samples[methods][analyzer].Add(info.ExecutionTime.TotalMilliseconds);
                    }
                }
            }

            Directory.CreateDirectory(Artifacts.Root);
            foreach (int methods in sizes)
            {
                AnalyzerTime[] times = AnalyzerWorkloadCompilation.EsxSdkAnalyzers
                    .Select(a => new AnalyzerTime(a.GetType().Name, string.Join(", ", a.SupportedDiagnostics.Select(d => d.Id).Distinct()), ResultFiles.Median(samples[methods][a])))
                    .ToArray();
                foreach (AnalyzerTime time in times)
                {
                    Console.WriteLine($"// {methods} methods, {time.Analyzer} ({time.Rules}): {time.ExecutionMs:F1} ms (median of {runs})");
                }

                File.WriteAllText(ResultPath(methods), JsonSerializer.Serialize(new { methods, runs, analyzers = times }));
            }
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
