using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using EsxSdk.Session;

namespace EsxSdk.Benchmarks.ColdStart
{
    /// <summary>
    /// Checkpoints through the first calls: time since Main, methods JIT-compiled and time spent compiling (JitInfo),
    /// assemblies loaded. The SOAP calls are cut at EsxSdk's own activity (one per call), so the phases are: connect
    /// (URI, WCF binding, channel factory and channel opened, client built), each call, and what follows Login.
    /// </summary>
    internal sealed class ColdStartPhases
    {
        private readonly long started;
        private readonly List<string> checkpoints = [];
        private readonly ActivityListener listener;

        private ColdStartPhases(long started)
        {
            this.started = started;
            this.Mark("main");
            this.listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == VimTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = activity => this.Mark(activity.OperationName + " start"),
                ActivityStopped = activity => this.Mark(activity.OperationName + " end"),
            };
            ActivitySource.AddActivityListener(this.listener);
        }

        public static ColdStartPhases Start(long started) => new(started);

        /// <summary>The checkpoints as a JSON array, the last one taken now.</summary>
        public string Finish()
        {
            this.Mark("logged in");
            this.listener.Dispose();
            var json = new StringBuilder("[");
            json.AppendJoin(',', this.checkpoints);
            return json.Append(']').ToString();
        }

        private void Mark(string name)
        {
            // Taken before anything else this method does, so the checkpoint's own cost lands in the next phase.
            double ms = Stopwatch.GetElapsedTime(this.started).TotalMilliseconds;
            long methods = JitInfo.GetCompiledMethodCount(currentThread: false);
            double jitMs = JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds;
            int assemblies = AppDomain.CurrentDomain.GetAssemblies().Length;
            lock (this.checkpoints)
            {
                this.checkpoints.Add(string.Create(CultureInfo.InvariantCulture, $"{{\"at\":\"{name}\",\"ms\":{ms:F2},\"jitMethods\":{methods},\"jitMs\":{jitMs:F2},\"assemblies\":{assemblies}}}"));
            }
        }
    }
}
