using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using EsxSdk.Transport;
using Xunit;

namespace EsxSdk.Tests.Transport
{
    /// <summary>
    /// The warm-up's HTTP set-up runs beside an application's first connection, so it must stay invisible: no request, no
    /// connection, no name lookup, nothing in the networking stack's events, metrics or traces.
    /// </summary>
    public sealed class HttpStackWarmUpTests
    {
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void It_sends_nothing_and_shows_in_no_networking_telemetry(bool https)
        {
            using var recorder = new NetworkingTelemetryRecorder(Environment.CurrentManagedThreadId);

            HttpStackWarmUp.Run(https);

            Assert.Empty(recorder.Seen);
        }

        /// <summary>
        /// What the networking stack reports on the given thread: its EventSources' events, its meters' measurements, its
        /// spans. Test classes run in parallel and make requests of their own, so other threads are left out (a request's
        /// start, a connection attempt, a lookup and their span and counters are all reported on the thread that makes them).
        /// </summary>
        private sealed class NetworkingTelemetryRecorder : EventListener
        {
            private readonly int thread;
            private readonly MeterListener meters = new();
            private readonly ActivityListener spans;

            public NetworkingTelemetryRecorder(int thread)
            {
                this.thread = thread;
                this.meters.InstrumentPublished = (instrument, listener) =>
                {
                    if (IsNetworking(instrument.Meter.Name))
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                };
                this.meters.SetMeasurementEventCallback<long>((instrument, _, _, _) => this.Record("metric " + instrument.Name));
                this.meters.SetMeasurementEventCallback<int>((instrument, _, _, _) => this.Record("metric " + instrument.Name));
                this.meters.SetMeasurementEventCallback<double>((instrument, _, _, _) => this.Record("metric " + instrument.Name));
                this.meters.Start();
                this.spans = new ActivityListener
                {
                    ShouldListenTo = source => IsNetworking(source.Name),
                    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                    ActivityStarted = activity => this.Record("span " + activity.OperationName),
                };
                ActivitySource.AddActivityListener(this.spans);
            }

            public ConcurrentQueue<string> Seen { get; } = new();

            public override void Dispose()
            {
                this.spans?.Dispose();
                this.meters?.Dispose();
                base.Dispose();
            }

            protected override void OnEventSourceCreated(EventSource eventSource)
            {
                // Called from the base constructor too, before this class's fields are set: it needs none of them.
                if (IsNetworking(eventSource.Name))
                {
                    this.EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
                }
            }

            protected override void OnEventWritten(EventWrittenEventArgs eventData)
            {
                if (IsNetworking(eventData.EventSource.Name))
                {
                    this.Record("event " + eventData.EventSource.Name + "/" + eventData.EventName);
                }
            }

            // The public sources only ("System.Net.Http", ".Sockets", ".NameResolution", ".Security"); the private
            // "Private.InternalDiagnostics.*" tracing is a debugging aid, not an application's telemetry.
            private static bool IsNetworking(string name) => name.StartsWith("System.Net", StringComparison.Ordinal);

            private void Record(string what)
            {
                // thread is still 0 (no thread's id) while the base constructor enables the sources.
                if (Environment.CurrentManagedThreadId == this.thread)
                {
                    this.Seen.Enqueue(what);
                }
            }
        }
    }
}
