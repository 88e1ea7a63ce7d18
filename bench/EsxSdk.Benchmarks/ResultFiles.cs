using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EsxSdk.Benchmarks
{
    /// <summary>One BenchmarkDotNet case from a full JSON report: method, parameters, median time, bytes allocated and garbage collections per 1,000 operations.</summary>
    public sealed record BdnCase(string Method, string Parameters, double MedianNs, long AllocatedBytes, double Gen0PerThousand = 0, double Gen1PerThousand = 0);

    /// <summary>Reads the artifacts a run left: BenchmarkDotNet's JSON reports, coldstart.json, tasks.json, the payload manifest.</summary>
    public static class ResultFiles
    {
        public static List<BdnCase> Bdn(string benchmarkClass)
        {
            string path = Path.Combine(Artifacts.Root, "bdn", "results", "EsxSdk.Benchmarks." + benchmarkClass + "-report-full.json");
            if (!File.Exists(path))
            {
                return [];
            }

            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.GetProperty("Benchmarks").EnumerateArray()
                .Where(b => b.TryGetProperty("Statistics", out JsonElement s) && s.ValueKind == JsonValueKind.Object)
                .Select(b => new BdnCase(
                    b.GetProperty("Method").GetString()!,
                    b.GetProperty("Parameters").GetString() ?? string.Empty,
                    b.GetProperty("Statistics").GetProperty("Median").GetDouble(),
                    b.TryGetProperty("Memory", out JsonElement m) ? m.GetProperty("BytesAllocatedPerOperation").GetInt64() : 0,
                    PerThousand(b, "Gen0Collections"),
                    PerThousand(b, "Gen1Collections")))
                .ToList();
        }

        /// <summary>How many processes BenchmarkDotNet ran each case of <paramref name="benchmarkClass"/> in (its LaunchCount), from the full JSON report.</summary>
        public static int Launches(string benchmarkClass)
        {
            string path = Path.Combine(Artifacts.Root, "bdn", "results", "EsxSdk.Benchmarks." + benchmarkClass + "-report-full.json");
            if (!File.Exists(path))
            {
                return 0;
            }

            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.GetProperty("Benchmarks").EnumerateArray()
                .SelectMany(b => b.TryGetProperty("Measurements", out JsonElement m) ? m.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(m => m.GetProperty("LaunchIndex").GetInt32())
                .Distinct()
                .Count();
        }

        private static string Processes(int count) => count == 1 ? "one process" : count + " processes";

        private static double PerThousand(JsonElement benchmark, string collections)
            => benchmark.TryGetProperty("Memory", out JsonElement m) && m.GetProperty("TotalOperations").GetInt64() is > 0 and long operations
                ? m.GetProperty(collections).GetInt64() * 1000.0 / operations
                : 0;

        public static BdnCase? Find(List<BdnCase> cases, string method, string parameters)
            => cases.FirstOrDefault(c => c.Method == method && c.Parameters == parameters);

        public static JsonDocument? Json(string fileName)
        {
            string path = Path.Combine(Artifacts.Root, fileName);
            return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)) : null;
        }

        public static double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        /// <summary>The machine, as lscpu, /proc/meminfo and os-release describe it.</summary>
        public static IEnumerable<string> MachineDescription()
        {
            string lscpu = Run("lscpu");
            string Field(string name) => lscpu.Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim() == name).Select(p => p[1].Trim()).FirstOrDefault() ?? "?";
            string memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim() : "?";
            string os = File.Exists("/etc/os-release")
                ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)).Select(l => l[12..].Trim('"')).FirstOrDefault() ?? "?"
                : System.Runtime.InteropServices.RuntimeInformation.OSDescription;
            yield return $"CPU: {Field("Model name")}, {Field("CPU(s)")} logical CPUs ({Field("Thread(s) per core")} thread(s) per core), {Field("Architecture")}";
            yield return $"Memory: {memory}";
            yield return $"OS: {os}, kernel {Environment.OSVersion.Version}";
            yield return $".NET: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, SDK {Run("dotnet", "--version").Trim()}, BenchmarkDotNet 0.15.8 (2 warm-ups, 7 iterations; section 1: {Processes(Launches("DeserializeBenchmarks"))} per case, the median over all their iterations; the other suites in-process)";
            yield return $"vcsim: govmomi {Environment.GetEnvironmentVariable("ESXSDK_BENCH_GOVMOMI") ?? "?"} (Debian golang-github-vmware-govmomi-dev), vCenter model, apiVersion 6.5, on the same machine";
        }

        private static string Run(string file, string arguments = "")
        {
            try
            {
                using Process process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return output;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return string.Empty;
            }
        }
    }
}
