using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EsxSdk.Benchmarks
{
    /// <summary>Section 6 of docs/benchmarks.md: the analyzers' cost per method against the compiler and the empty operation walk.</summary>
    public static partial class Report
    {
        private static void Analyzers(StringBuilder md)
        {
            List<BdnCase> cases = ResultFiles.Bdn(nameof(AnalyzerBenchmarks));
            md.AppendLine("## 6. Analyzers (ESX0001-ESX0004) over a generated solution").AppendLine();
            md.AppendLine("Methods that start vim25 tasks in the shapes of the analyzer corpus (check then start; loops and `Task.WhenAll(vms.Select(...))` with checks; a project helper that checks its parameter; local functions; retry lambdas; checks in both branches; a flag that skips the check; raw starts; dropped task references; `.Result`/`.Wait()`; connection URIs with `auto_answer=1`), "
                + $"picked by weight from a fixed seed, {AnalyzerWorkload.MethodsPerFile} to a file, compiled once against .NET and EsxSdk.dll (`AnalyzerWorkload`). Every case starts from a new compilation and runs on one thread: "
                + "*compiler* is `GetDiagnostics()` (declarations and every method body bound); *empty walk* is `GetAnalyzerDiagnosticsAsync` with an analyzer whose IInvocationOperation action does nothing (the analyzer driver, semantic models and operation trees: what any IOperation analyzer pays); *EsxSdk analyzers* is the same with the four rules. "
                + "The analyzers' cost is what they add to the compiler's pass; the rules' own cost is what they add to the empty walk.").AppendLine();
            md.AppendLine("| Methods | Compiler | Empty walk | EsxSdk analyzers | EsxSdk analyzers per method | Allocated: compiler / empty walk / analyzers |").AppendLine("|---|---|---|---|---|---|");
            var medians = new Dictionary<(string Pass, int Methods), double>();
            foreach (int methods in AnalyzerBenchmarks.Sizes)
            {
                string p = "Methods=" + methods.ToString(Inv);
                BdnCase? compiler = ResultFiles.Find(cases, "CompilerDiagnostics", p), walk = ResultFiles.Find(cases, "EmptyOperationWalk", p), ours = ResultFiles.Find(cases, "EsxSdkAnalyzers", p);
                if (compiler is null || walk is null || ours is null)
                {
                    md.AppendLine($"| {methods:N0} | (not measured) |||||");
                    continue;
                }

                foreach (BdnCase c in new[] { compiler, walk, ours })
                {
                    medians[(c.Method, methods)] = c.MedianNs;
                }

                md.AppendLine($"| {methods:N0} | {Time(compiler)} | {Time(walk)} | {Time(ours)} | {ours.MedianNs / methods / 1e3:N0} µs | {compiler.AllocatedBytes / 1e6:F0} / {walk.AllocatedBytes / 1e6:F0} / {ours.AllocatedBytes / 1e6:F0} MB |");
            }

            md.AppendLine();
            if (medians.Count == 3 * AnalyzerBenchmarks.Sizes.Count)
            {
                Linearity(md, medians);
                PerThousandMethods(md, medians);
            }

            var bySize = AnalyzerBenchmarks.Sizes.ToDictionary(m => m, AnalyzerTelemetry.Read);
            if (bySize.Values.All(t => t.Count > 0))
            {
                AnalyzerTimes(md, bySize);
            }
        }

        /// <summary>
        /// Time per method at the large size over the small one, from the BenchmarkDotNet medians (warm, several iterations):
        /// work growing with the whole compilation would multiply it by up to the sizes' ratio.
        /// </summary>
        private static void Linearity(StringBuilder md, Dictionary<(string Pass, int Methods), double> medians)
        {
            int small = AnalyzerBenchmarks.Sizes[0], large = AnalyzerBenchmarks.Sizes[^1];
            double Growth(string pass) => medians[(pass, large)] / large / (medians[(pass, small)] / small);
            double ours = Growth("EsxSdkAnalyzers");
            md.AppendLine($"Time per method at {large:N0} methods / at {small:N0}: compiler {Growth("CompilerDiagnostics"):F2}, empty walk {Growth("EmptyOperationWalk"):F2}, EsxSdk analyzers **{ours:F2}**. "
                + $"1 is linear (below 1, what is paid once per compilation spreads over more methods); a pass doing work that grows with the whole compilation would push it towards {large / small}.").AppendLine();
            Targets.Add(($"Analyzers scale linearly: time per method of the analyzer run at {large:N0} methods at most 1.25x that at {small:N0}", $"{ours:F2}x", ours <= 1.25));
        }

        /// <summary>
        /// Cost per 1,000 methods as the slope between the two sizes: each pass also pays once per compilation (a new
        /// compilation's symbols, the analyzers' symbol look-ups), and those fixed parts differ between passes, so a
        /// difference at one size would mix them into the per-method figure.
        /// </summary>
        private static void PerThousandMethods(StringBuilder md, Dictionary<(string Pass, int Methods), double> medians)
        {
            int small = AnalyzerBenchmarks.Sizes[0], large = AnalyzerBenchmarks.Sizes[^1];
            double Slope(string pass) => (medians[(pass, large)] - medians[(pass, small)]) / (large - small) * 1000 / 1e6;
            double Once(string pass) => (medians[(pass, small)] / 1e6) - (Slope(pass) * small / 1000);
            double compiler = Slope("CompilerDiagnostics"), walk = Slope("EmptyOperationWalk"), ours = Slope("EsxSdkAnalyzers");
            md.AppendLine($"Per 1,000 methods (the slope from {small:N0} to {large:N0} methods) and once per compilation (what the slope leaves at zero methods):").AppendLine();
            md.AppendLine("| Pass | Per 1,000 methods | x the compiler's | Once per compilation |").AppendLine("|---|---|---|---|");
            foreach ((string label, string pass, double slope) in new[] { ("Compiler", "CompilerDiagnostics", compiler), ("Empty walk", "EmptyOperationWalk", walk), ("EsxSdk analyzers", "EsxSdkAnalyzers", ours) })
            {
                md.AppendLine($"| {label} | {slope:N0} ms | {slope / compiler:F2} | {Ms(Once(pass))} |");
            }

            md.AppendLine();
            md.AppendLine($"**The analyzers cost {Ms(ours - compiler)} per 1,000 methods = {(ours - compiler) / compiler:F2}x the compiler's own diagnostics pass**: "
                + $"Roslyn's operation walk {Ms(walk - compiler)} ({(walk - compiler) / compiler:F2}x), the four rules' own work {Ms(ours - walk)} ({(ours - walk) / compiler:F2}x).").AppendLine();
        }

        // Below zero, two medians (taken minutes apart) are within the shared machine's noise of each other: not a saving.
        private static string Ms(double ms) => ms < 0 ? $"{ms:N0} ms (within noise)" : $"{ms:N0} ms";

        private static void AnalyzerTimes(StringBuilder md, Dictionary<int, IReadOnlyList<AnalyzerTime>> bySize)
        {
            md.AppendLine("Each analyzer's own time (its actions), from Roslyn's telemetry (`logAnalyzerExecutionTime`, `GetAnalyzerTelemetryInfoAsync`), median of 5 separate runs per size, the sizes taken in turn (timing every action slows a run, so these are not the BenchmarkDotNet cases):").AppendLine();
            md.AppendLine("| Analyzer | Rules | " + string.Join(" | ", AnalyzerBenchmarks.Sizes.Select(m => $"{m:N0} methods | per method")) + " |");
            md.AppendLine("|---|---|" + string.Concat(AnalyzerBenchmarks.Sizes.Select(_ => "---|---|")));
            string Cells(Func<IReadOnlyList<AnalyzerTime>, double> ms)
                => string.Join(" | ", AnalyzerBenchmarks.Sizes.SelectMany(m => new[] { $"{ms(bySize[m]):F1} ms", $"{ms(bySize[m]) * 1e3 / m:F1} µs" }));
            foreach (AnalyzerTime first in bySize[AnalyzerBenchmarks.Sizes[0]])
            {
                md.AppendLine($"| {first.Analyzer} | {first.Rules} | {Cells(times => times.First(t => t.Analyzer == first.Analyzer).ExecutionMs)} |");
            }

            md.AppendLine($"| all four | | {Cells(times => times.Sum(t => t.ExecutionMs))} |").AppendLine();
            int small = AnalyzerBenchmarks.Sizes[0], large = AnalyzerBenchmarks.Sizes[^1];
            double growth = bySize[large].Sum(t => t.ExecutionMs) / large / (bySize[small].Sum(t => t.ExecutionMs) / small);
            md.AppendLine($"The four analyzers' own time per method at {large:N0} methods / at {small:N0}: {growth:F2}. Noisier than the medians above: "
                + "telemetry times each action with a stopwatch, so a garbage collection or a descheduling on the shared machine during an action is charged to it, and ESX0001 runs the longest actions.").AppendLine();
        }
    }
}
