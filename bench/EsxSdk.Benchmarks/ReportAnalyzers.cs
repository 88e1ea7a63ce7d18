using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EsxSdk.Benchmarks
{
    /// <summary>Section 6 of docs/benchmarks.md: the analyzers' cost per method against the compiler and the empty operation walk.</summary>
    public static partial class Report
    {
        private static readonly int[] AnalyzedSizes = [200, 2000];

        private static void Analyzers(StringBuilder md)
        {
            List<BdnCase> cases = ResultFiles.Bdn(nameof(AnalyzerBenchmarks));
            md.AppendLine("## 6. Analyzers (ESX0001-ESX0004) over a generated solution").AppendLine();
            md.AppendLine("Methods that start vim25 tasks in the shapes of the analyzer corpus (check then start; loops and `Task.WhenAll(vms.Select(...))` with checks; a project helper that checks its parameter; local functions; retry lambdas; checks in both branches; a flag that skips the check; raw starts; dropped task references; `.Result`/`.Wait()`; connection URIs with `auto_answer=1`), "
                + $"picked by weight from a fixed seed, {AnalyzerWorkload.MethodsPerFile} to a file, compiled once against .NET and EsxSdk.dll (`AnalyzerWorkload`). Every case starts from a new compilation and runs on one thread: "
                + "*compiler* is `GetDiagnostics()` (declarations and every method body bound); *empty walk* is `GetAnalyzerDiagnosticsAsync` with an analyzer whose IInvocationOperation action does nothing (the analyzer driver, semantic models and operation trees: what any IOperation analyzer pays); *EsxSdk analyzers* is the same with the four rules. "
                + "The analyzers' cost is what they add to the compiler's pass; the rules' own cost is what they add to the empty walk.").AppendLine();
            md.AppendLine("| Methods | Compiler | Empty walk | EsxSdk analyzers | Per method | Analyzers' cost per 1,000 methods | x the compiler's pass | Rules' own cost per 1,000 methods | x the compiler's pass | Allocated, analyzers |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            var perMethodNs = new Dictionary<int, double>();
            foreach (int methods in AnalyzedSizes)
            {
                string p = "Methods=" + methods.ToString(Inv);
                BdnCase? compiler = ResultFiles.Find(cases, "CompilerDiagnostics", p), walk = ResultFiles.Find(cases, "EmptyOperationWalk", p), ours = ResultFiles.Find(cases, "EsxSdkAnalyzers", p);
                if (compiler is null || walk is null || ours is null)
                {
                    md.AppendLine($"| {methods:N0} | (not measured) |||||||||");
                    continue;
                }

                double added = ours.MedianNs - compiler.MedianNs, own = ours.MedianNs - walk.MedianNs;
                perMethodNs[methods] = ours.MedianNs / methods;
                md.AppendLine($"| {methods:N0} | {Time(compiler)} | {Time(walk)} | {Time(ours)} | {ours.MedianNs / methods / 1e3:N0} µs | **{PerThousand(added, methods)}** | **{OfCompiler(added, compiler)}** | {PerThousand(own, methods)} | {OfCompiler(own, compiler)} | {ours.AllocatedBytes / 1e6:F0} MB |");
            }

            md.AppendLine();
            var bySize = AnalyzedSizes.ToDictionary(m => m, AnalyzerTelemetry.Read);
            bool telemetry = bySize.Values.All(t => t.Count > 0);
            if (perMethodNs.Count == AnalyzedSizes.Length && telemetry)
            {
                int small = AnalyzedSizes[0], large = AnalyzedSizes[^1];
                double whole = perMethodNs[large] / perMethodNs[small];
                double own = bySize[large].Sum(t => t.ExecutionMs) / large / (bySize[small].Sum(t => t.ExecutionMs) / small);
                md.AppendLine($"Time per method at {large:N0} methods / at {small:N0}: the whole analyzer run {whole:F2} (it includes the compiler's fixed cost of a new compilation, spread over more methods), the four analyzers' own time **{own:F2}**. "
                    + $"1 is linear; work that grows with the whole compilation would show as up to {large / small}.").AppendLine();
                Targets.Add(($"Analyzers scale linearly: their own time per method at {large:N0} methods at most 1.25x that at {small:N0}", $"{own:F2}x", own <= 1.25));
            }

            if (telemetry)
            {
                AnalyzerTimes(md, bySize);
            }
        }

        // A difference below zero is two medians within the run's noise of each other, not a saving.
        // ns / methods * 1,000 / 1e6 = ms per 1,000 methods.
        private static string PerThousand(double differenceNs, int methods) => differenceNs < 0 ? "(within noise)" : $"{differenceNs / methods / 1e3:F1} ms";

        private static string OfCompiler(double differenceNs, BdnCase compiler) => differenceNs < 0 ? "-" : $"{differenceNs / compiler.MedianNs:F2}x";

        private static void AnalyzerTimes(StringBuilder md, Dictionary<int, IReadOnlyList<AnalyzerTime>> bySize)
        {
            md.AppendLine("Each analyzer's own time (its actions), from Roslyn's telemetry (`logAnalyzerExecutionTime`, `GetAnalyzerTelemetryInfoAsync`), median of separate runs (timing every action slows a run, so these are not the BenchmarkDotNet cases):").AppendLine();
            md.AppendLine("| Analyzer | Rules | " + string.Join(" | ", AnalyzedSizes.Select(m => $"{m:N0} methods | per method")) + " |");
            md.AppendLine("|---|---|" + string.Concat(AnalyzedSizes.Select(_ => "---|---|")));
            string Cells(Func<IReadOnlyList<AnalyzerTime>, double> ms)
                => string.Join(" | ", AnalyzedSizes.SelectMany(m => new[] { $"{ms(bySize[m]):F1} ms", $"{ms(bySize[m]) * 1e3 / m:F1} µs" }));
            foreach (AnalyzerTime first in bySize[AnalyzedSizes[0]])
            {
                md.AppendLine($"| {first.Analyzer} | {first.Rules} | {Cells(times => times.First(t => t.Analyzer == first.Analyzer).ExecutionMs)} |");
            }

            md.AppendLine($"| all four | | {Cells(times => times.Sum(t => t.ExecutionMs))} |").AppendLine();
        }
    }
}
