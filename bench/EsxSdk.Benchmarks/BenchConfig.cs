using System;
using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// One short job for every suite: in-process (no per-benchmark project build), few iterations (the machine is
    /// shared, so figures are compared as ratios within the run, not across runs), allocations measured.
    /// </summary>
    public class BenchConfig : ManualConfig
    {
        public BenchConfig()
            : this(processPerCase: false)
        {
        }

        protected BenchConfig(bool processPerCase)
        {
            // ESXSDK_BENCH_QUICK=1: one pass of each case, to check the suite works (figures meaningless).
            bool quick = Environment.GetEnvironmentVariable("ESXSDK_BENCH_QUICK") == "1";
            Job job = (quick ? Job.Dry : Job.Default.WithWarmupCount(2).WithIterationCount(7)).WithLaunchCount(1).WithId("bench");
            if (quick || !processPerCase || Environment.GetEnvironmentVariable("ESXSDK_BENCH_INPROCESS") == "1")
            {
                job = job.WithToolchain(InProcessEmitToolchain.Instance);
            }
            else
            {
                // BenchmarkDotNet builds the suite once more for its child processes: the whole binding, its XmlSerializer
                // twins and wsdl.exe's model take minutes on 2 cores.
                this.WithBuildTimeout(TimeSpan.FromMinutes(20));

                // Three processes per case, the result their median: the 1,000-VM decode ran at 43 ms in one process and
                // 88-98 ms in others with the same code, bytes and collections (bench/notes.md, "Decode at 1,000 VMs").
                // ESXSDK_BENCH_LAUNCHES=1 for a quicker, less certain run.
                string? launches = Environment.GetEnvironmentVariable("ESXSDK_BENCH_LAUNCHES");
                job = job.WithLaunchCount(launches is { Length: > 0 } ? int.Parse(launches, System.Globalization.CultureInfo.InvariantCulture) : 3);
            }

            // A trial (bench/notes.md, "Decode at 1,000 VMs"): ESXSDK_BENCH_GC_FORCE=0 drops the forced collections between iterations.
            if (Environment.GetEnvironmentVariable("ESXSDK_BENCH_GC_FORCE") == "0")
            {
                job = job.WithGcForce(false);
            }

            this.AddJob(job);
            this.AddDiagnoser(MemoryDiagnoser.Default);
            this.AddColumn(StatisticColumn.Median, BaselineRatioColumn.RatioMean);
            this.AddExporter(JsonExporter.Full);
            this.ArtifactsPath = Path.Combine(Artifacts.Root, "bdn");
            this.WithOptions(ConfigOptions.DisableLogFile);
        }
    }

    /// <summary>
    /// <see cref="BenchConfig"/> with each case in a process of its own (BenchmarkDotNet's default toolchain), for the
    /// decode ratios: in one process a case ran on the heap and JIT state the cases before it left, and the 1,000-VM
    /// XmlSerializer case came out 20 % faster per VM than the 100- and 5,000-VM ones. ESXSDK_BENCH_INPROCESS=1 (or a
    /// quick check) keeps it in-process.
    /// </summary>
    public sealed class ProcessPerCaseConfig : BenchConfig
    {
        public ProcessPerCaseConfig()
            : base(processPerCase: true)
        {
        }
    }
}
