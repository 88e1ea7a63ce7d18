using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Measure 3 (and the NativeAOT sample): each client started as a fresh process against a local vcsim, runs
    /// interleaved so machine noise hits all alike. Recorded: the child's own time from Main to a completed
    /// RetrieveServiceContent + Login, and the parent's wall time from process start to that line (runtime start included).
    /// A `dotnet new console` hello world runs in the same rounds: the yardstick the report divides by. With
    /// ESXSDK_BENCH_COLDSTART_PHASES=1 the EsxSdk JIT clients also report where their time went (ColdStartPhases).
    /// </summary>
    public static class ColdStartMeasure
    {
        public const string HelloWorld = "Hello world (dotnet new console)";

        /// <summary>
        /// The hello world published as the composite client is (self-contained, composite ReadyToRun): what that publish
        /// mode alone does to the runtime's start, beside the client's row.
        /// </summary>
        public const string HelloWorldComposite = "Hello world (self-contained, composite ReadyToRun)";

        /// <summary>
        /// The package client published self-contained with composite ReadyToRun: the app's own choice, which compiles the
        /// framework, WCF and EsxSdk into one image, so framework generics over other assemblies' types are precompiled too.
        /// </summary>
        public const string Composite = "EsxSdk (JIT, app published self-contained, composite ReadyToRun: the framework precompiled too)";

        /// <summary>The package client with the transport's start-up warm-up switched off: what the warm-up gains, in the same rounds.</summary>
        public const string WarmUpOff = "EsxSdk (JIT, package, start-up warm-up switched off)";

        /// <summary>The package client built with EsxSdkReadyToRunWcf=false (NuGet's IL-only WCF): what the package's WCF copies gain, in the same rounds.</summary>
        public const string WcfCopiesOff = "EsxSdk (JIT, package, WCF's ReadyToRun copies switched off)";

        /// <summary>The same client built against another build of the package ($ESXSDK_BENCH_COLDSTART_ESXSDK_PACKAGE_BASELINE): a packaging change A/B-tested in the same rounds.</summary>
        public const string BaselinePackage = "EsxSdk (JIT, package, baseline build)";

        /// <summary>
        /// The package client against a second peer serving HTTPS (vcsim's self-signed certificate, <c>no_verify=1</c>): what a
        /// real vCenter or ESXi connection adds to a first call (TLS set-up, the system's trusted roots loaded for the chain).
        /// </summary>
        public const string OverHttps = "EsxSdk (JIT, package, over https)";

        /// <summary>The same over HTTPS with the start-up warm-up switched off.</summary>
        public const string OverHttpsWarmUpOff = "EsxSdk (JIT, package, over https, start-up warm-up switched off)";

        /// <summary>
        /// Rows beside the package client's, for comparison (one feature taken away; HTTPS, which the targets, set against a
        /// plain-HTTP vcsim, do not cover; the composite publish, which ships the runtime): no target is judged on them.
        /// </summary>
        public static bool IsComparisonRow(string variant) => variant is WarmUpOff or WcfCopiesOff or BaselinePackage or OverHttps or OverHttpsWarmUpOff or Composite;

        /// <summary>The programs that make no call: they print a greeting, not the clients' JSON line.</summary>
        public static bool IsHelloWorld(string variant) => variant is HelloWorld or HelloWorldComposite;

        public static async Task RunAsync(string[] args)
        {
            int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
            string package = Required("ESXSDK_BENCH_COLDSTART_ESXSDK_PACKAGE");
            string warmUpOff = WarmUpOffConfig(package);
            var variants = new List<(string Name, string File, string[] Prefix)>
            {
                (HelloWorld, "dotnet", [Required("ESXSDK_BENCH_COLDSTART_HELLO")]),
                ("EsxSdk (JIT, package: ReadyToRun images, WCF's too)", "dotnet", [package]),
                (WarmUpOff, "dotnet", ["exec", "--runtimeconfig", warmUpOff, package]),
                (OverHttps, "dotnet", [package]),
                (OverHttpsWarmUpOff, "dotnet", ["exec", "--runtimeconfig", warmUpOff, package]),
                ("EsxSdk (JIT, project reference: IL only)", "dotnet", [Required("ESXSDK_BENCH_COLDSTART_ESXSDK")]),
            };
            if (Environment.GetEnvironmentVariable("ESXSDK_BENCH_COLDSTART_ESXSDK_PACKAGE_WCF_IL") is { Length: > 0 } wcfIl)
            {
                variants.Insert(3, (WcfCopiesOff, "dotnet", [wcfIl]));
            }

            if (Environment.GetEnvironmentVariable("ESXSDK_BENCH_COLDSTART_ESXSDK_PACKAGE_BASELINE") is { Length: > 0 } baseline)
            {
                variants.Insert(2, (BaselinePackage, "dotnet", [baseline]));
            }

            if (Environment.GetEnvironmentVariable("ESXSDK_BENCH_COLDSTART_ESXSDK_PUBLISHED_R2R") is { Length: > 0 } published)
            {
                // What an app can add on its own: `dotnet publish -r <rid> -p:PublishReadyToRun=true` precompiles WCF too.
                variants.Add(("EsxSdk (JIT, app published ReadyToRun: WCF precompiled too)", "dotnet", [published]));
            }

            if (Environment.GetEnvironmentVariable("ESXSDK_BENCH_COLDSTART_ESXSDK_COMPOSITE") is { Length: > 0 })
            {
                // `dotnet publish -r <rid> --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true`:
                // started through its own executable, as such an app is; the hello world published alike runs beside it.
                variants.Add((HelloWorldComposite, Required("ESXSDK_BENCH_COLDSTART_HELLO_COMPOSITE"), []));
                variants.Add((Composite, Required("ESXSDK_BENCH_COLDSTART_ESXSDK_COMPOSITE"), []));
            }

            if (Environment.GetEnvironmentVariable("ESXSDK_BENCH_COLDSTART_SKIP_XMLSERIALIZER") != "1")
            {
                // 25-40 s a start on this machine kind: a cold start run focused on EsxSdk may leave it out.
                variants.Add(("XmlSerializer, whole contract (svcutil/WCF)", "dotnet", [Required("ESXSDK_BENCH_COLDSTART_XMLSERIALIZER")]));
                variants.Add(("XmlSerializer, two operations only", "dotnet", [Required("ESXSDK_BENCH_COLDSTART_XMLSERIALIZER")]));
            }

            string? aot = Environment.GetEnvironmentVariable("ESXSDK_BENCH_AOT");
            if (!string.IsNullOrEmpty(aot) && File.Exists(aot))
            {
                variants.Add(("EsxSdk (NativeAOT)", aot, []));
            }

            bool phases = Environment.GetEnvironmentVariable("ESXSDK_BENCH_COLDSTART_PHASES") == "1";
            await using VcsimPeerProcess peer = await VcsimPeerProcess.StartAsync(2);
            await using VcsimPeerProcess httpsPeer = await VcsimPeerProcess.StartAsync(["-model", "vpx", "-vms", "2", "-tls"]);
            var samples = new List<ColdStartSample>();
            for (int run = 0; run < runs; run++)
            {
                foreach (var variant in variants)
                {
                    string url = variant.Name is OverHttps or OverHttpsWarmUpOff ? httpsPeer.Url + "?no_verify=1" : peer.Url.ToString();
                    var arguments = new List<string>(variant.Prefix) { url, VcsimPeerProcess.User, VcsimPeerProcess.Password };
                    if (phases && variant.Name.StartsWith("EsxSdk (JIT", StringComparison.Ordinal))
                    {
                        arguments.Add("phases");
                    }

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
                load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
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

            if (IsHelloWorld(variant))
            {
                return new ColdStartSample(variant, null, wallMs, null, null);
            }

            using JsonDocument json = JsonDocument.Parse(line);
            double? serializers = json.RootElement.TryGetProperty("serializersMs", out JsonElement s) ? s.GetDouble() : null;
            string? phases = json.RootElement.TryGetProperty("phases", out JsonElement p) ? p.GetRawText() : null;
            return new ColdStartSample(variant, json.RootElement.GetProperty("firstCallMs").GetDouble(), wallMs, serializers, phases);
        }

        /// <summary>The program's runtimeconfig.json with the AppContext switch that turns the warm-up off, beside the results.</summary>
        private static string WarmUpOffConfig(string program)
        {
            JsonNode config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(program, ".runtimeconfig.json")))!;
            JsonObject options = config["runtimeOptions"]!.AsObject();
            if (options["configProperties"] is not JsonObject properties)
            {
                options["configProperties"] = properties = [];
            }

            properties["EsxSdk.Transport.DisableStartupWarmUp"] = true;
            Directory.CreateDirectory(Artifacts.Root);
            string path = Path.Combine(Artifacts.Root, "coldstart-warmup-off.runtimeconfig.json");
            File.WriteAllText(path, config.ToJsonString());
            return path;
        }

        private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && File.Exists(value)
            ? value
            : throw new InvalidOperationException("Set " + variable + " to the built cold start program (bench/run.sh does).");
    }

    /// <summary>One process: <paramref name="FirstCallMs"/> is null for the hello world (it makes no call); <paramref name="Phases"/> is ColdStartPhases' JSON when asked for.</summary>
    public sealed record ColdStartSample(string Variant, double? FirstCallMs, double WallMs, double? SerializersMs, string? Phases);
}
