using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using EsxSdk.Session;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Counts SOAP round trips from EsxSdk's ActivitySource (one span per call, tagged with the operation), and the
    /// most WaitForUpdates/WaitForUpdatesEx calls in flight at once (how many update loops are running).
    /// </summary>
    public sealed class RoundTripCounter : IDisposable
    {
        private readonly ActivityListener listener;
        private readonly ConcurrentDictionary<string, int> byOperation = new(StringComparer.Ordinal);
        private volatile bool counting;
        private int waitsInFlight;
        private int maxWaitsInFlight;

        public RoundTripCounter()
        {
            this.listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == VimTelemetry.SourceName,
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = this.Started,
                ActivityStopped = this.Stopped,
            };
            ActivitySource.AddActivityListener(this.listener);
        }

        public int Total => this.byOperation.Values.Sum();

        public int MaxWaitsInFlight => this.maxWaitsInFlight;

        public IReadOnlyDictionary<string, int> ByOperation => new SortedDictionary<string, int>(this.byOperation, StringComparer.Ordinal);

        public void Start()
        {
            this.byOperation.Clear();
            this.maxWaitsInFlight = 0;
            this.counting = true;
        }

        public void Stop() => this.counting = false;

        public void Dispose() => this.listener.Dispose();

        private static bool IsWait(Activity activity) => Operation(activity) is "WaitForUpdatesEx" or "WaitForUpdates";

        private static string Operation(Activity activity) => activity.GetTagItem("vim.operation") as string ?? activity.DisplayName;

        private void Started(Activity activity)
        {
            // Waits are tracked even when not counting, so a wait started before Start() still leaves on Stopped.
            int inFlight = IsWait(activity) ? Interlocked.Increment(ref this.waitsInFlight) : 0;
            if (!this.counting)
            {
                return;
            }

            this.byOperation.AddOrUpdate(Operation(activity), 1, static (_, n) => n + 1);
            int max;
            while (inFlight > (max = Volatile.Read(ref this.maxWaitsInFlight)) && Interlocked.CompareExchange(ref this.maxWaitsInFlight, inFlight, max) != max)
            {
            }
        }

        private void Stopped(Activity activity)
        {
            if (IsWait(activity))
            {
                Interlocked.Decrement(ref this.waitsInFlight);
            }
        }
    }
}
