using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Vim25;

namespace EsxSdk
{
    /// <summary>
    /// One WaitForUpdatesEx loop per client on a property collector of its own: every watcher adds a
    /// filter, and a single long poll serves them all (100 watched tasks are one request in flight, not 100).
    /// When the session is replaced (expired and logged in again), the collector and filters died with the old
    /// one: the loop makes them again and re-reads every watch's current values, so no watcher misses a change.
    /// </summary>
    public sealed class VimUpdateLoop : IAsyncDisposable
    {
        /// <summary>How long one WaitForUpdatesEx waits on the server before returning empty.</summary>
        public const int MaxWaitSeconds = 30;

        /// <summary>Consecutive dropped connections the loop rides out (with back-off) before failing its watchers.</summary>
        public const int MaxConnectionRetries = 4;

        private readonly VimClient client;
        private readonly object gate = new();
        private readonly Dictionary<ManagedObjectReference, Watch> watches = new();
        private readonly Dictionary<ManagedObjectReference, List<ObjectUpdate>> unclaimed = new();
        private readonly CancellationTokenSource stopping = new();
        private readonly SemaphoreSlim startGate = new(1, 1);
        private ManagedObjectReference? collector;
        private int collectorGeneration;
        private Task? loop;
        private long waitCalls;
        private long recoveries;
        private long reconnects;
        private int disposed;

        internal VimUpdateLoop(VimClient client) => this.client = client;

        /// <summary>How many WaitForUpdatesEx calls the loop has made (for diagnostics and tests).</summary>
        public long WaitCalls => Interlocked.Read(ref this.waitCalls);

        /// <summary>How many times the loop re-made its collector and filters after the session was replaced.</summary>
        public long Recoveries => Interlocked.Read(ref this.recoveries);

        /// <summary>How many dropped connections the loop rode out (re-reading every watched value).</summary>
        public long Reconnects => Interlocked.Read(ref this.reconnects);

        /// <summary>
        /// Watches the objects and properties of <paramref name="spec"/>: <paramref name="onUpdate"/> gets the
        /// current values first, then every change. <paramref name="onError"/> learns if the loop fails.
        /// Dispose the result to stop watching (DestroyPropertyFilter). The current values are read with
        /// RetrievePropertiesEx, since not every server reports a new filter's state to a running loop
        /// (vcsim does not): a value may therefore arrive twice; handlers must treat updates as idempotent.
        /// </summary>
        public async Task<IAsyncDisposable> WatchAsync(PropertyFilterSpec spec, Action<ObjectUpdate> onUpdate, Action<Exception>? onError = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(spec);
            ArgumentNullException.ThrowIfNull(onUpdate);
            ObjectDisposedException.ThrowIf(Volatile.Read(ref this.disposed) != 0, this);
            Watch watch;
            List<ObjectUpdate>? early;
            await this.startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Under the gate: a recovery re-making filters sees either none or all of this watch.
                ManagedObjectReference pc = await this.EnsureStartedLockedAsync(cancellationToken).ConfigureAwait(false);
                ManagedObjectReference filter = await this.client.Service.CreateFilterAsync(pc, spec, partialUpdates: true, cancellationToken).ConfigureAwait(false);
                watch = new Watch(this, spec, filter, onUpdate, onError);
                lock (this.gate)
                {
                    this.watches[filter] = watch;
                    this.unclaimed.Remove(filter, out early);
                }
            }
            finally
            {
                this.startGate.Release();
            }

            // Updates for the new filter may arrive before CreateFilter returns: hand them over now.
            foreach (ObjectUpdate update in early ?? [])
            {
                watch.Deliver(update);
            }

            try
            {
                await this.DeliverCurrentAsync(watch, cancellationToken).ConfigureAwait(false);
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

            await this.stopping.CancelAsync().ConfigureAwait(false);
            if (this.collector is { } pc)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await this.client.Service.CancelWaitForUpdatesAsync(pc, timeout.Token).ConfigureAwait(false);
                    await this.client.Service.DestroyPropertyCollectorAsync(pc, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is VimException or OperationCanceledException or ObjectDisposedException)
                {
                    // The collector ends with the session.
                }
            }

            if (this.loop is not null)
            {
                await this.loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            this.stopping.Dispose();
            this.startGate.Dispose();
        }

        /// <summary>Reads the watch's objects now and hands their values to it as an update.</summary>
        private async Task DeliverCurrentAsync(Watch watch, CancellationToken cancellationToken)
        {
            await foreach (ObjectContent current in this.client.Service.RetrieveAsync(PropertyCollectorExtensions.PropertyCollectorOf(this.client), [watch.Spec], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                watch.Deliver(new ObjectUpdate
                {
                    Kind = ObjectUpdateKind.Enter,
                    Obj = current.Obj,
                    ChangeSet = [.. current.PropSet.Select(p => new PropertyChange { Name = p.Name, Op = PropertyChangeOp.Assign, Val = p.Val })],
                });
            }
        }

        private Task DeliverCurrentToAllAsync(Watch[] watches, CancellationToken cancellationToken)
            => Task.WhenAll(watches.Select(w => this.DeliverCurrentAsync(w, cancellationToken)));

        /// <summary>Makes the collector and starts the loop on first use; the caller holds the start gate.</summary>
        private async Task<ManagedObjectReference> EnsureStartedLockedAsync(CancellationToken cancellationToken)
        {
            if (this.collector is null)
            {
                this.collectorGeneration = this.client.SessionGeneration;
                this.collector = await this.client.Service.CreatePropertyCollectorAsync(PropertyCollectorExtensions.PropertyCollectorOf(this.client), cancellationToken).ConfigureAwait(false);
                this.loop = Task.Run(() => this.RunAsync(this.stopping.Token));
            }

            return this.collector;
        }

        /// <summary>
        /// After a new login: makes a collector and every watch's filter again in the new session, then re-reads the
        /// watched values (changes made while no filter existed would otherwise be lost). False when nothing changed.
        /// </summary>
        private async Task<bool> RecoverAsync(CancellationToken cancellationToken)
        {
            Watch[] all;
            await this.startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (this.client.SessionGeneration == this.collectorGeneration)
                {
                    return false;
                }

                this.collectorGeneration = this.client.SessionGeneration;
                this.collector = await this.client.Service.CreatePropertyCollectorAsync(PropertyCollectorExtensions.PropertyCollectorOf(this.client), cancellationToken).ConfigureAwait(false);
                lock (this.gate)
                {
                    all = [.. this.watches.Values.Where(w => !w.IsDisposed)];
                    this.watches.Clear();
                    this.unclaimed.Clear();
                }

                foreach (Watch watch in all)
                {
                    watch.Filter = await this.client.Service.CreateFilterAsync(this.collector, watch.Spec, partialUpdates: true, cancellationToken).ConfigureAwait(false);
                    lock (this.gate)
                    {
                        this.watches[watch.Filter] = watch;
                    }
                }
            }
            finally
            {
                this.startGate.Release();
            }

            Interlocked.Increment(ref this.recoveries);
            await this.DeliverCurrentToAllAsync(all, cancellationToken).ConfigureAwait(false);
            return true;
        }

        private async Task RunAsync(CancellationToken cancellationToken)
        {
            string version = string.Empty;
            int connectionFailures = 0;
            var options = new WaitOptions { MaxWaitSeconds = MaxWaitSeconds };
            while (!cancellationToken.IsCancellationRequested)
            {
                UpdateSet? updates;
                try
                {
                    Interlocked.Increment(ref this.waitCalls);
                    updates = await this.client.Service.WaitForUpdatesExAsync(this.collector!, version, options, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is VimException or ObjectDisposedException)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    if (ex is VimConnectionException && ++connectionFailures <= MaxConnectionRetries)
                    {
                        if (await this.TryReconnectAsync(connectionFailures, cancellationToken).ConfigureAwait(false))
                        {
                            continue;
                        }

                        return;
                    }

                    if (await this.TryRecoverAsync(ex, cancellationToken).ConfigureAwait(false))
                    {
                        version = string.Empty;
                        connectionFailures = 0;
                        continue;
                    }

                    return;
                }

                connectionFailures = 0;

                if (updates is null)
                {
                    continue;
                }

                version = updates.Version ?? version;
                foreach (PropertyFilterUpdate filterUpdate in updates.FilterSet)
                {
                    this.Dispatch(filterUpdate);
                }
            }
        }

        /// <summary>
        /// After a dropped connection: waits a little, then re-reads every watch's current values, since the updates of
        /// the failed call may be lost (the server may have handed them to the broken response). The filters stay.
        /// </summary>
        private async Task<bool> TryReconnectAsync(int attempt, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << (attempt - 1))), cancellationToken).ConfigureAwait(false);
                Watch[] all;
                lock (this.gate)
                {
                    all = [.. this.watches.Values];
                }

                await this.DeliverCurrentToAllAsync(all, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref this.reconnects);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex) when (ex is VimConnectionException && attempt < MaxConnectionRetries)
            {
                return await this.TryReconnectAsync(attempt + 1, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is VimException or ObjectDisposedException)
            {
                return await this.TryRecoverAsync(ex, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Recovers when the failure came from a replaced session; otherwise fails every watch with the error.</summary>
        private async Task<bool> TryRecoverAsync(Exception error, CancellationToken cancellationToken)
        {
            if (error is VimException && this.client.SessionGeneration != this.collectorGeneration)
            {
                try
                {
                    if (await this.RecoverAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return true;
                    }
                }
                catch (Exception ex) when (ex is VimException or ObjectDisposedException or OperationCanceledException)
                {
                    error = new VimProtocolException("The update loop could not re-make its filters after the session was replaced: " + ex.Message, "WaitForUpdatesEx", ex);
                }
            }

            if (!cancellationToken.IsCancellationRequested)
            {
                this.Fail(error);
            }

            return false;
        }

        private void Dispatch(PropertyFilterUpdate filterUpdate)
        {
            if (filterUpdate.Filter is not { } filter)
            {
                return;
            }

            Watch? watch;
            lock (this.gate)
            {
                if (!this.watches.TryGetValue(filter, out watch))
                {
                    if (!this.unclaimed.TryGetValue(filter, out List<ObjectUpdate>? pending))
                    {
                        this.unclaimed[filter] = pending = new List<ObjectUpdate>();
                    }

                    pending.AddRange(filterUpdate.ObjectSet);
                    return;
                }
            }

            foreach (ObjectUpdate update in filterUpdate.ObjectSet)
            {
                watch.Deliver(update);
            }
        }

        private void Fail(Exception error)
        {
            Watch[] all;
            lock (this.gate)
            {
                all = [.. this.watches.Values];
            }

            foreach (Watch watch in all)
            {
                watch.Fail(error);
            }
        }

        private async ValueTask RemoveAsync(Watch watch)
        {
            lock (this.gate)
            {
                this.watches.Remove(watch.Filter);
            }

            try
            {
                await this.client.Service.DestroyPropertyFilterAsync(watch.Filter).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is VimException or ObjectDisposedException)
            {
                // Filters end with their collector and session.
            }
        }

        private sealed class Watch(VimUpdateLoop owner, PropertyFilterSpec spec, ManagedObjectReference filter, Action<ObjectUpdate> onUpdate, Action<Exception>? onError) : IAsyncDisposable
        {
            private int disposed;

            public PropertyFilterSpec Spec { get; } = spec;

            /// <summary>The server's filter; replaced when the loop recovers in a new session.</summary>
            public ManagedObjectReference Filter { get; set; } = filter;

            public bool IsDisposed => Volatile.Read(ref this.disposed) != 0;

            public void Deliver(ObjectUpdate update)
            {
                if (Volatile.Read(ref this.disposed) == 0)
                {
                    onUpdate(update);
                }
            }

            public void Fail(Exception error)
            {
                if (Volatile.Read(ref this.disposed) == 0)
                {
                    onError?.Invoke(error);
                }
            }

            public ValueTask DisposeAsync() => Interlocked.Exchange(ref this.disposed, 1) == 0 ? owner.RemoveAsync(this) : ValueTask.CompletedTask;
        }
    }
}
