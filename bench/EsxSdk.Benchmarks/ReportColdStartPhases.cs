using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EsxSdk.Benchmarks
{
    /// <summary>Section 3's breakdown: where an EsxSdk JIT client's first call went, phase by phase (medians), when the run recorded phases.</summary>
    public static class ReportColdStartPhases
    {
        public static void Write(StringBuilder md, JsonElement samples)
        {
            var byVariant = samples.EnumerateArray()
                .Where(s => s.TryGetProperty("Phases", out JsonElement p) && p.ValueKind == JsonValueKind.String)
                .GroupBy(s => s.GetProperty("Variant").GetString()!)
                .ToList();
            if (byVariant.Count == 0)
            {
                return;
            }

            md.AppendLine("### Where the first call goes (ESXSDK_BENCH_COLDSTART_PHASES=1)").AppendLine();
            md.AppendLine("Phases cut at EsxSdk's activity per SOAP call; *JIT* is `JitInfo.GetCompilationTime` / `GetCompiledMethodCount` over the phase (all threads). The first row of each client is what ran before Main's first line (its time is in *process* minus *first call* above). Medians per phase. Recording them costs the EsxSdk JIT clients an ActivityListener (a few ms, counted against them in the table above too).").AppendLine();
            md.AppendLine("| Client | Phase | Time | JIT time | Methods JIT-compiled | Assemblies loaded (end) |").AppendLine("|---|---|---|---|---|---|");
            foreach (var variant in byVariant)
            {
                var phases = new Dictionary<string, List<(double Ms, double JitMs, double Methods, double Assemblies)>>();
                var order = new List<string>();
                foreach (JsonElement sample in variant)
                {
                    using JsonDocument checkpoints = JsonDocument.Parse(sample.GetProperty("Phases").GetString()!);
                    JsonElement? previous = null;
                    foreach (JsonElement point in checkpoints.RootElement.EnumerateArray())
                    {
                        string name = previous is null ? "before Main's first line" : previous.Value.GetProperty("at").GetString() + " -> " + point.GetProperty("at").GetString();
                        double Delta(string p) => point.GetProperty(p).GetDouble() - (previous is null ? 0 : previous.Value.GetProperty(p).GetDouble());
                        if (!phases.TryGetValue(name, out var list))
                        {
                            phases[name] = list = [];
                            order.Add(name);
                        }

                        list.Add((previous is null ? double.NaN : Delta("ms"), Delta("jitMs"), Delta("jitMethods"), point.GetProperty("assemblies").GetDouble()));
                        previous = point.Clone();
                    }
                }

                foreach (string name in order)
                {
                    var list = phases[name];
                    double time = ResultFiles.Median(list.Select(p => p.Ms));
                    md.AppendLine($"| {variant.Key} | {name} | {(double.IsNaN(time) ? "-" : $"{time:F1} ms")} | {ResultFiles.Median(list.Select(p => p.JitMs)):F1} ms | {ResultFiles.Median(list.Select(p => p.Methods)):F0} | {ResultFiles.Median(list.Select(p => p.Assemblies)):F0} |");
                }
            }

            md.AppendLine();
        }
    }
}
