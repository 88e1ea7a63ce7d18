using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Measure 3 (and the NativeAOT sample): each client started as a fresh process against a local vcsim, runs
    /// interleaved so machine noise hits all alike. Recorded: the child's own time from Main to a completed
    /// RetrieveServiceContent + Login, and the parent's wall time from process start to that line (runtime start included).
    /// </summary>
    public static class ColdStartMeasure
    {
        public static async Task RunAsync(string[] args)
        {
            int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
            var variants = new List<(string Name, string File, string[] Prefix)>
            {
                ("EsxSdk (JIT)", "dotnet", [Required("ESXSDK_BENCH_COLDSTART_ESXSDK")]),
                ("XmlSerializer, whole contract (svcutil/WCF)", "dotnet", [Required("ESXSDK_BENCH_COLDSTART_XMLSERIALIZER")]),
                ("XmlSerializer, two operations only", "dotnet", [Required("ESXSDK_BENCH_COLDSTART_XMLSERIALIZER")]),
            };
            string? aot = Environment.GetEnvironmentVariable("ESXSDK_BENCH_AOT");
            if (!string.IsNullOrEmpty(aot) && File.Exists(aot))
            {
                variants.Add(("EsxSdk (NativeAOT)", aot, []));
            }

            await using VcsimPeerProcess peer = await VcsimPeerProcess.StartAsync(2);
            var samples = new List<ColdStartSample>();
            for (int run = 0; run < runs; run++)
            {
                foreach (var variant in variants)
                {
                    var arguments = new List<string>(variant.Prefix) { peer.Url.ToString(), VcsimPeerProcess.User, VcsimPeerProcess.Password };
                    if (variant.Name.StartsWith("XmlSerializer", StringComparison.Ordinal))
                    {
                        arguments.Add(variant.Name.Contains("whole", StringComparison.Ordinal) ? "contract" : "two-operations");
                    }

                    ColdStartSample sample = await StartOnceAsync(variant.Name, variant.File, arguments);
                    Console.WriteLine($"{sample.Variant,-45} first call {sample.FirstCallMs,9:F1} ms, process wall {sample.WallMs,9:F1} ms");
                    samples.Add(sample);
                }
            }

            Directory.CreateDirectory(Artifacts.Root);
            var result = new
            {
                samples,
                aotBytes = !string.IsNullOrEmpty(aot) && File.Exists(aot) ? new FileInfo(aot).Length : (long?)null,
                aotError = Environment.GetEnvironmentVariable("ESXSDK_BENCH_AOT_ERROR"),
            };
            await File.WriteAllTextAsync(Path.Combine(Artifacts.Root, "coldstart.json"), JsonSerializer.Serialize(result));
        }

        private static async Task<ColdStartSample> StartOnceAsync(string variant, string file, List<string> arguments)
        {
            var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            long started = Stopwatch.GetTimestamp();
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + file);
            string? line = await process.StandardOutput.ReadLineAsync();
            double wallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            string errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (line is null || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{variant} failed (exit {process.ExitCode}): {errors}");
            }

            using JsonDocument json = JsonDocument.Parse(line);
            double? serializers = json.RootElement.TryGetProperty("serializersMs", out JsonElement s) ? s.GetDouble() : null;
            return new ColdStartSample(variant, json.RootElement.GetProperty("firstCallMs").GetDouble(), wallMs, serializers);
        }

        private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && File.Exists(value)
            ? value
            : throw new InvalidOperationException("Set " + variable + " to the built cold start program (bench/run.sh does).");
    }

    public sealed record ColdStartSample(string Variant, double FirstCallMs, double WallMs, double? SerializersMs);
}
