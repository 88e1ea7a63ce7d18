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
    public sealed class BenchConfig : ManualConfig
    {
        public BenchConfig()
        {
            // ESXSDK_BENCH_QUICK=1: one pass of each case, to check the suite works (figures meaningless).
            bool quick = Environment.GetEnvironmentVariable("ESXSDK_BENCH_QUICK") == "1";
            this.AddJob((quick ? Job.Dry : Job.Default.WithWarmupCount(2).WithIterationCount(7))
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithId("bench"));
            this.AddDiagnoser(MemoryDiagnoser.Default);
            this.AddColumn(StatisticColumn.Median, BaselineRatioColumn.RatioMean);
            this.AddExporter(JsonExporter.Full);
            this.ArtifactsPath = Path.Combine(Artifacts.Root, "bdn");
            this.WithOptions(ConfigOptions.DisableLogFile);
        }
    }
}
