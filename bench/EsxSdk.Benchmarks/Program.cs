using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Entry point; bench/run.sh calls the modes in order:
    /// <c>capture</c> (payloads from vcsim), <c>bdn [BenchmarkDotNet args]</c>, <c>coldstart</c>, <c>tasks</c>,
    /// and <c>report</c> (writes docs/benchmarks.md from the artifacts); bench/soak.sh calls <c>soak</c> (reliability).
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            string mode = args.Length > 0 ? args[0] : string.Empty;
            string[] rest = args.Length > 0 ? args[1..] : [];
            switch (mode)
            {
                case "capture":
                    await Capture.RunAsync();
                    return 0;
                case "bdn":
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                    return 0;
                case "coldstart":
                    await ColdStartMeasure.RunAsync(rest);
                    return 0;
                case "tasks":
                    await TaskRunnerMeasure.RunAsync(rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 5);
                    return 0;
                case "soak":
                    return await Soak.ReliabilitySoak.RunAsync(
                        rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 200,
                        rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 1,
                        rest.Length > 2 ? rest[2] : null);
                case "gcpattern":
                    GcPatternProbe.Run(rest);
                    return 0;
                case "profile":
                    DecodeProfile.Run(rest);
                    return 0;
                case "decode-ab":
                    DecodeAb.Run(rest);
                    return 0;
                case "unique-values":
                    UniqueValuesPayload.Run(rest);
                    return 0;
                case "peak":
                    await PeakMemoryMeasure.RunAsync(rest);
                    return 0;
                case "report":
                    Report.Write(rest.Length > 0 ? rest[0] : System.IO.Path.Combine(Artifacts.RepoRoot, "docs", "benchmarks.md"));
                    return 0;
                default:
                    Console.Error.WriteLine("usage: EsxSdk.Benchmarks capture | bdn [--filter ...] | coldstart [runs] | tasks [repetitions] | soak [tasks] [seed] [out.md] | profile [vms] [rounds] [decode] | decode-ab [vms] [rounds] [dirA] [dirB] [collect|steady] | gcpattern [vms] [esxsdk|esxsdk-copy|xmlserializer|textfloor] [forced|steady] [calls] [retained MB] | unique-values [vms] [text|all] [out folder] | peak [MB] | report [out.md]  (see bench/README.md)");
                    return 2;
            }
        }
    }
}
