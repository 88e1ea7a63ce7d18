using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using EsxSdk.Session;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// Records the EsxSdk spans (one per SOAP call) started while it lives, and the peak of concurrent ones per operation.
    /// Given a server, only calls to that server's port count: test collections run in parallel against peers of their own.
    /// </summary>
    internal sealed class ActivityRecorder : IDisposable
    {
        private readonly ActivityListener listener;
        private readonly ConcurrentQueue<string> started = new();
        private readonly ConcurrentDictionary<string, int> inFlight = new();
        private readonly ConcurrentDictionary<string, int> peak = new();

        public ActivityRecorder(Uri? server = null)
        {
            bool Counts(Activity activity) => server is null || activity.GetTagItem("server.port") is int port && port == server.Port;
            this.listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == VimTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = activity =>
                {
                    if (!Counts(activity))
                    {
                        return;
                    }

                    string operation = (string?)activity.GetTagItem("vim.operation") ?? activity.DisplayName;
                    this.started.Enqueue(operation);
                    int now = this.inFlight.AddOrUpdate(operation, 1, (_, n) => n + 1);
                    this.peak.AddOrUpdate(operation, now, (_, p) => Math.Max(p, now));
                },
                ActivityStopped = activity =>
                {
                    if (!Counts(activity))
                    {
                        return;
                    }

                    string operation = (string?)activity.GetTagItem("vim.operation") ?? activity.DisplayName;
                    this.inFlight.AddOrUpdate(operation, 0, (_, n) => n - 1);
                },
            };
            ActivitySource.AddActivityListener(this.listener);
        }

        public int Count(string operation) => this.started.Count(o => o == operation);

        /// <summary>All calls recorded but those of <paramref name="operations"/>.</summary>
        public int CountAllExcept(params string[] operations) => this.started.Count(o => !operations.Contains(o));

        public int PeakConcurrency(string operation) => this.peak.TryGetValue(operation, out int p) ? p : 0;

        public void Dispose() => this.listener.Dispose();
    }
}
