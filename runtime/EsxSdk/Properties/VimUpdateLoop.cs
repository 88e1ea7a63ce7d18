using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>
    /// One WaitForUpdatesEx loop per client on a property collector of its own: every watcher adds a filter, and a
    /// single long poll serves them all (100 watched tasks are one request in flight, not 100).
    /// Liveness: every watcher gets its values or an error within a bound it can know. An unreachable server is
    /// ridden out for <see cref="VimClientOptions.OutageWindow"/> (capped exponential back-off with jitter), then every
    /// watched value is read again; past the window every watcher fails with <see cref="VimConnectionException"/>.
    /// The collector and its filters belong to a session: after a re-login, or when the server no longer knows them,
    /// they are made again (and the values re-read) before anything else uses them. A loop that ended is started
    /// again by the next watcher: a dead loop is never left behind.
    /// </summary>
    public sealed partial class VimUpdateLoop : IAsyncDisposable
    {
        /// <summary>The longest a WaitForUpdatesEx call waits on the server; shorter when the client's Timeout is short.</summary>
        public const int MaxWaitSecondsCap = 30;

        /// <summary>Faults of the long poll in a row after which the loop gives up (each one already triggered a rebuild).</summary>
        private const int MaxFaultsInARow = 3;

        private static readonly TimeSpan WireCleanupTimeout = TimeSpan.FromSeconds(10);

        private readonly VimClient client;
        private readonly VimOutagePolicy outages;
        private readonly object gate = new();
        private readonly Dictionary<ManagedObjectReference, Watch> watches = new();
        private readonly Dictionary<ManagedObjectReference, List<ObjectUpdate>> unclaimed = new();

        // Guards the collector, its session generation and filter creation: a rebuild sees either none or all of a watch.
        private readonly SemaphoreSlim sessionGate = new(1, 1);
        private CancellationTokenSource stopping = new();
        private ManagedObjectReference? collector;
        private int collectorGeneration;
        private Task? loop;
        private long waitCalls;
        private long recoveries;
        private long reconnects;
        private long starts;
        private long lastOutageTicks;
        private int disposed;

        internal VimUpdateLoop(VimClient client, VimOutagePolicy outages, TimeSpan callTimeout)
        {
            this.client = client;
            this.outages = outages;
            this.MaxWaitSeconds = MaxWaitFor(callTimeout);
        }

        /// <summary>How long each WaitForUpdatesEx waits on the server: below the client's Timeout, so an empty poll is never a time-out.</summary>
        public int MaxWaitSeconds { get; }

        /// <summary>How many WaitForUpdatesEx calls the loop has made (for diagnostics and tests).</summary>
        public long WaitCalls => Interlocked.Read(ref this.waitCalls);

        /// <summary>How many times the collector and filters were made again (new session, or the server lost them).</summary>
        public long Recoveries => Interlocked.Read(ref this.recoveries);

        /// <summary>How many outages (dropped connections, an unreachable server) the loop rode out, re-reading every watched value.</summary>
        public long Reconnects => Interlocked.Read(ref this.reconnects);

        /// <summary>How many times the loop was started (more than once when an earlier loop ended with an error).</summary>
        public long Starts => Interlocked.Read(ref this.starts);

        /// <summary>How long the last outage the loop rode out lasted, from the first failed call to the first poll answered again.</summary>
        public TimeSpan LastOutage => TimeSpan.FromTicks(Interlocked.Read(ref this.lastOutageTicks));

        /// <summary>
        /// Watches the objects and properties of <paramref name="spec"/>: <paramref name="onUpdate"/> gets the
        /// current values first, then every change. <paramref name="onError"/> learns if watching ends with an error
        /// (an outage longer than the window, a failed re-login, the watched object gone). Dispose the result to stop
        /// watching (DestroyPropertyFilter). The current values are read with RetrievePropertiesEx, since not every server
        /// reports a new filter's state to a running loop (vcsim does not): a value may therefore arrive twice, and after
        /// a recovery every value arrives again; handlers must treat updates as idempotent.
        /// </summary>
        public async Task<IAsyncDisposable> WatchAsync(PropertyFilterSpec spec, Action<ObjectUpdate> onUpdate, Action<Exception>? onError = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(spec);
            ArgumentNullException.ThrowIfNull(onUpdate);
            ObjectDisposedException.ThrowIf(Volatile.Read(ref this.disposed) != 0, this);
            var watch = new Watch(this, spec, onUpdate, onError);
            await this.outages.RideOutAsync(ct => this.AddFilterAsync(watch, ct), "adding a property filter", cancellationToken).ConfigureAwait(false);
            try
            {
                if (!await this.outages.RideOutAsync(ct => this.DeliverCurrentAsync(watch, ct), "reading the watched values", cancellationToken).ConfigureAwait(false))
                {
                    throw Gone(watch);
                }
            }
            catch
            {
                // The caller never gets the watch: do not leave its filter behind.
                await watch.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return watch;
        }

        /// <summary>Stops the loop and destroys its property collector.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) != 0)
            {
                return;
            }

            await this.StopAsync(destroyOnServer: true, "the client was disposed").ConfigureAwait(false);
            this.stopping.Dispose();
            this.sessionGate.Dispose();
        }

        /// <summary>
        /// Stops the loop (before a logout, or on dispose): ends the long poll on the server when <paramref name="destroyOnServer"/>
        /// (while the session is still valid), destroys the collector and fails the remaining watches with <paramref name="why"/>.
        /// The next watcher starts a new loop.
        /// </summary>
        internal async Task StopAsync(bool destroyOnServer, string why)
        {
            ManagedObjectReference? pc;
            Task? running;
            await this.sessionGate.WaitAsync().ConfigureAwait(false);
            try
            {
                await this.stopping.CancelAsync().ConfigureAwait(false);
                if (Volatile.Read(ref this.disposed) == 0)
                {
                    this.stopping.Dispose();
                    this.stopping = new CancellationTokenSource();
                }

                (pc, running) = (this.collector, this.loop);
                (this.collector, this.loop) = (null, null);
            }
            finally
            {
                this.sessionGate.Release();
            }

            if (destroyOnServer && pc is not null && this.client.CurrentSession is not null)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(WireCleanupTimeout);
                    await this.client.Service.CancelWaitForUpdatesAsync(pc, timeout.Token).ConfigureAwait(false);
                    await this.client.Service.DestroyPropertyCollectorAsync(pc, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is VimException or OperationCanceledException or ObjectDisposedException)
                {
                    // The collector ends with the session.
                }
            }

            if (running is not null)
            {
                await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            this.FailAll(new ObjectDisposedException(nameof(VimClient), "Watching ended: " + why + "."));
        }

        /// <summary>The WaitForUpdatesEx wait for a client Timeout: a quarter (at least 1 s) of headroom, 1 to 30 s.</summary>
        internal static int MaxWaitFor(TimeSpan callTimeout)
        {
            double headroom = Math.Max(1, callTimeout.TotalSeconds / 4);
            return (int)Math.Clamp(Math.Floor(callTimeout.TotalSeconds - headroom), 1, MaxWaitSecondsCap);
        }

        /// <summary>Makes the watch's filter on the current collector (starting the loop, or rebuilding after a session change).</summary>
        private async Task<bool> AddFilterAsync(Watch watch, CancellationToken cancellationToken)
        {
            List<ObjectUpdate>? early;
            await this.sessionGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref this.disposed) != 0, this);
                ManagedObjectReference pc = await this.EnsureCurrentLockedAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    watch.Filter = await this.client.Service.CreateFilterAsync(pc, watch.Spec, partialUpdates: true, cancellationToken).ConfigureAwait(false);
                }
                catch (VimFaultException ex) when (IsCollectorLost(ex, pc))
                {
                    // The server no longer knows our collector (its session ended, the server restarted): make it again, once.
                    await this.RebuildLockedAsync(cancellationToken).ConfigureAwait(false);
                    watch.Filter = await this.client.Service.CreateFilterAsync(this.collector!, watch.Spec, partialUpdates: true, cancellationToken).ConfigureAwait(false);
                }

                lock (this.gate)
                {
                    this.watches[watch.Filter] = watch;
                    this.unclaimed.Remove(watch.Filter, out early);
                }
            }
            finally
            {
                this.sessionGate.Release();
            }

            // Updates for the new filter may arrive before CreateFilter returns: hand them over now.
            foreach (ObjectUpdate update in early ?? [])
            {
                watch.Deliver(update);
            }

            return true;
        }

        /// <summary>The collector to use now; the caller holds the session gate.</summary>
        private async Task<ManagedObjectReference> EnsureCurrentLockedAsync(CancellationToken cancellationToken)
        {
            if (this.collector is null || this.loop is null)
            {
                this.collectorGeneration = this.client.SessionGeneration;
                this.collector = await this.client.Service.CreatePropertyCollectorAsync(PropertyCollectorExtensions.PropertyCollectorOf(this.client), cancellationToken).ConfigureAwait(false);
                CancellationToken token = this.stopping.Token;
                Interlocked.Increment(ref this.starts);
                this.loop = Task.Run(() => this.RunAsync(token), CancellationToken.None);
            }
            else if (this.client.SessionGeneration != this.collectorGeneration)
            {
                // A re-login happened (another call saw the session end): the old collector and filters are gone with it.
                await this.RebuildLockedAsync(cancellationToken).ConfigureAwait(false);
            }

            return this.collector;
        }

        /// <summary>Whether a fault says the server does not know <paramref name="pc"/> (any more).</summary>
        private static bool IsCollectorLost(VimFaultException ex, ManagedObjectReference? pc)
            => ex.Fault is ManagedObjectNotFound notFound && (notFound.Obj is null || notFound.Obj == pc);
    }
}
