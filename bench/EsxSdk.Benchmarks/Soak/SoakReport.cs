using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EsxSdk.Properties;

namespace EsxSdk.Benchmarks.Soak
{
    /// <summary>The soak's markdown summary: outcomes, hung waits, wrong outcomes, recovery times per fault kind.</summary>
    internal static class SoakReport
    {
        public static string Write(SoakTask[] tasks, SoakFault[] faults, VimUpdateLoop loop, TimeSpan elapsed, TimeSpan bound, int seed)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# Reliability soak (seed {seed})");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Written by `bench/soak.sh` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}: a client behind a fault-injecting relay (loopback) runs tasks on vcsim while outages (1-20 s), connection resets, 3 s stalls and session kills are injected every 6-15 s. Client options: Timeout 20 s, OutageWindow 5 min, back-off 250 ms doubling to 4 s. Eight workers power-cycle VMs whose power-on asks a question (answered with its default, auto_answer=1); one reconfigures a VM that stays busy 3 s. A second client, straight to the peer, checks every outcome.");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{tasks.Length} tasks in {elapsed.TotalMinutes:0.0} min; {faults.Length} faults injected; every wait bounded at {bound.TotalSeconds:0} s.");
            text.AppendLine();
            text.AppendLine("| measure | value |");
            text.AppendLine("|---|---|");
            text.AppendLine(CultureInfo.InvariantCulture, $"| hung waits | {tasks.Count(t => t.Outcome == "hung")} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| wrong outcomes | {tasks.Count(t => t.Wrong)} |");
            foreach (IGrouping<string, SoakTask> outcome in tasks.GroupBy(t => t.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| outcome {outcome.Key} | {outcome.Count()} |");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"| task duration median / p95 / max | {Seconds(Percentile(tasks.Select(t => t.End - t.Start), 0.5))} / {Seconds(Percentile(tasks.Select(t => t.End - t.Start), 0.95))} / {Seconds(tasks.Select(t => t.End - t.Start).DefaultIfEmpty().Max())} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| update loop: connection failures ridden out / collector rebuilds / loop starts / polls | {loop.Reconnects} / {loop.Recoveries} / {loop.Starts} / {loop.WaitCalls} |");
            text.AppendLine();
            text.AppendLine("Recovery time: from the end of a fault (the relay back, the session killed) to the next task that succeeded.");
            text.AppendLine();
            text.AppendLine("| fault | count | length median / max | recovery median / p95 / max |");
            text.AppendLine("|---|---|---|---|");
            double[] successes = [.. tasks.Where(t => t.Outcome == "ok").Select(t => t.End).Order()];
            foreach (IGrouping<string, SoakFault> kind in faults.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                double[] recoveries = [.. kind.Select(f => successes.FirstOrDefault(end => end > f.End, double.NaN) - f.End).Where(r => !double.IsNaN(r))];
                double[] lengths = [.. kind.Select(f => f.End - f.Start)];
                text.AppendLine(CultureInfo.InvariantCulture, $"| {kind.Key} | {kind.Count()} | {Seconds(Percentile(lengths, 0.5))} / {Seconds(lengths.Max())} | {Seconds(Percentile(recoveries, 0.5))} / {Seconds(Percentile(recoveries, 0.95))} / {Seconds(recoveries.DefaultIfEmpty().Max())} |");
            }

            SoakTask[] notable = [.. tasks.Where(t => t.Outcome != "ok" || t.Wrong)];
            if (notable.Length > 0)
            {
                text.AppendLine();
                text.AppendLine("Tasks that did not succeed (a clear error is not a wrong outcome):");
                text.AppendLine();
                foreach (SoakTask task in notable)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"- {task.Start:0.0}-{task.End:0.0} s {task.Operation} {task.Vm}: {task.Outcome}{(task.Wrong ? " (WRONG)" : string.Empty)}: {task.Detail}");
                }
            }

            return text.ToString();
        }

        private static double Percentile(IEnumerable<double> values, double p)
        {
            double[] sorted = [.. values.Order()];
            return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }

        private static string Seconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    }
}
