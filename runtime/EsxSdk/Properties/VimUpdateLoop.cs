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
    /// </summary>
    public sealed class VimUpdateLoop : IAsyncDisposable
    {
        /// <summary>How long one WaitForUpdatesEx waits on the server before returning empty.</summary>
        public const int MaxWaitSeconds = 30;

        private readonly VimClient client;
        private readonly object gate = new();
        private readonly Dictionary<ManagedObjectReference, Watch> watches = new();
        private readonly Dictionary<ManagedObjectReference, List<ObjectUpdate>> unclaimed = new();
        private readonly CancellationTokenSource stopping = new();
        private readonly SemaphoreSlim startGate = new(1, 1);
        private ManagedObjectReference? collector;
        private Task? loop;
        private long waitCalls;
        private int disposed;

        internal VimUpdateLoop(VimClient client) => this.client = client;

        /// <summary>How many WaitForUpdatesEx calls the loop has made (for diagnostics and tests).</summary>
        public long WaitCalls => Interlocked.Read(ref this.waitCalls);

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
            ManagedObjectReference pc = await this.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
            ManagedObjectReference filter = await this.client.Service.CreateFilterAsync(pc, spec, partialUpdates: true, cancellationToken).ConfigureAwait(false);
            var watch = new Watch(this, filter, onUpdate, onError);
            List<ObjectUpdate>? early;
            lock (this.gate)
            {
                this.watches[filter] = watch;
                this.unclaimed.Remove(filter, out early);
            }

            // Updates for the new filter may arrive before CreateFilter returns: hand them over now.
            foreach (ObjectUpdate update in early ?? [])
            {
                watch.Deliver(update);
            }

            try
            {
                await foreach (ObjectContent current in this.client.Service.RetrieveAsync(PropertyCollectorExtensions.PropertyCollectorOf(this.client), [spec], cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    watch.Deliver(new ObjectUpdate
                    {
                        Kind = ObjectUpdateKind.Enter,
                        Obj = current.Obj,
                        ChangeSet = [.. current.PropSet.Select(p => new PropertyChange { Name = p.Name, Op = PropertyChangeOp.Assign, Val = p.Val })],
                    });
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

        private async Task<ManagedObjectReference> EnsureStartedAsync(CancellationToken cancellationToken)
        {
            await this.startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (this.collector is null)
                {
                    this.collector = await this.client.Service.CreatePropertyCollectorAsync(PropertyCollectorExtensions.PropertyCollectorOf(this.client), cancellationToken).ConfigureAwait(false);
                    this.loop = Task.Run(() => this.RunAsync(this.collector, this.stopping.Token));
                }

                return this.collector;
            }
            finally
            {
                this.startGate.Release();
            }
        }

        private async Task RunAsync(ManagedObjectReference pc, CancellationToken cancellationToken)
        {
            string version = string.Empty;
            var options = new WaitOptions { MaxWaitSeconds = MaxWaitSeconds };
            while (!cancellationToken.IsCancellationRequested)
            {
                UpdateSet? updates;
                try
                {
                    Interlocked.Increment(ref this.waitCalls);
                    updates = await this.client.Service.WaitForUpdatesExAsync(pc, version, options, cancellationToken).ConfigureAwait(false);
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

                    this.Fail(ex);
                    return;
                }

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

        private sealed class Watch(VimUpdateLoop owner, ManagedObjectReference filter, Action<ObjectUpdate> onUpdate, Action<Exception>? onError) : IAsyncDisposable
        {
            private int disposed;

            public ManagedObjectReference Filter { get; } = filter;

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
