using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
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
            this.AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(7)
                .WithId("bench"));
            this.AddDiagnoser(MemoryDiagnoser.Default);
            this.AddColumn(StatisticColumn.Median, BaselineRatioColumn.RatioMean);
            this.AddExporter(JsonExporter.Full, MarkdownExporter.GitHub);
            this.AddColumnProvider(DefaultColumnProviders.Instance);
            this.AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
            this.ArtifactsPath = Path.Combine(Artifacts.Root, "bdn");
            this.WithOptions(ConfigOptions.DisableLogFile);
        }
    }
}
