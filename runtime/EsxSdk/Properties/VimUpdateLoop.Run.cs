using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    public sealed partial class VimUpdateLoop
    {
        /// <summary>
        /// The long poll. A failed call is classified: unreachable server -> ride out (back-off, then re-read every value);
        /// our collector unknown, a new session, a stale version -> rebuild or restart the version; anything else, or an
        /// outage past the window -> fail every watcher and end, leaving the next watcher to start a new loop.
        /// </summary>
        private async Task RunAsync(CancellationToken cancellationToken)
        {
            var options = new WaitOptions { MaxWaitSeconds = this.MaxWaitSeconds };
            string version = string.Empty;
            ManagedObjectReference? polled = null;
            long? outageStart = null;
            int attempt = 0;
            int faultsInARow = 0;
            bool reread = false;
            bool rebuild = false;

            // The first call answered after an outage (a re-read or a poll) ends it.
            void OutageOver()
            {
                if (outageStart is { } began)
                {
                    Interlocked.Exchange(ref this.lastOutageTicks, Stopwatch.GetElapsedTime(began).Ticks);
                    Interlocked.Increment(ref this.reconnects);
                    (outageStart, attempt) = (null, 0);
                }
            }

            while (true)
            {
                try
                {
                    if (await this.CurrentCollectorAsync(rebuild ? polled : null, cancellationToken).ConfigureAwait(false) is not { } pc)
                    {
                        return; // stopped
                    }

                    rebuild = false;
                    if (pc != polled)
                    {
                        // A new collector (rebuilt here or by a watcher) has already re-read every value: start its versions afresh.
                        (polled, version, reread) = (pc, string.Empty, false);
                    }

                    if (reread)
                    {
                        await this.RereadAsync(this.LiveWatches(), cancellationToken).ConfigureAwait(false);
                        reread = false;
                        OutageOver();
                    }

                    Interlocked.Increment(ref this.waitCalls);
                    UpdateSet? updates = await this.client.Service.WaitForUpdatesExAsync(pc, version, options, cancellationToken).ConfigureAwait(false);
                    OutageOver();

                    faultsInARow = 0;
                    if (updates is not null)
                    {
                        version = updates.Version ?? version;
                        foreach (PropertyFilterUpdate filterUpdate in updates.FilterSet)
                        {
                            this.Dispatch(filterUpdate);
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (VimException ex) when (ex is VimConnectionException or VimProtocolException)
                {
                    // The updates of a broken call may be lost (the server may have handed them to the dead response): re-read.
                    // A malformed answer (a response cut short, garbage from a proxy) is a lost response too, bounded by the window.
                    outageStart ??= Stopwatch.GetTimestamp();
                    reread = true;
                    if (!await this.WaitBeforeRetryAsync(outageStart.Value, ++attempt, cancellationToken).ConfigureAwait(false))
                    {
                        if (!cancellationToken.IsCancellationRequested)
                        {
                            VimConnectionException last = ex as VimConnectionException
                                ?? new VimConnectionException(this.client.ConnectionUri.SdkUri + " answered " + ex.Operation + " with a malformed response: " + ex.Message, this.client.ConnectionUri.SdkUri, ex.Operation, requestNotSent: false, ex);
                            await this.EndAsync(this.outages.Expired(last, "watching " + this.LiveWatches().Length + " object(s) for updates", Stopwatch.GetElapsedTime(outageStart.Value))).ConfigureAwait(false);
                        }

                        return;
                    }
                }
                catch (VimFaultException ex) when (++faultsInARow <= MaxFaultsInARow && IsRecoverable(ex, polled))
                {
                    // Our collector is gone (session ended, server restarted), or the version is stale: rebuild or start over.
                    rebuild = ex.Fault is not InvalidCollectorVersion;
                    version = string.Empty;
                    reread = true;
                }
                catch (Exception ex) when (ex is VimException or ObjectDisposedException)
                {
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        await this.EndAsync(ex).ConfigureAwait(false);
                    }

                    return;
                }
            }
        }

        private static bool IsRecoverable(VimFaultException ex, ManagedObjectReference? polled)
            => IsCollectorLost(ex, polled) || ex.Fault is InvalidCollectorVersion or RequestCanceled;

        private async Task<bool> WaitBeforeRetryAsync(long outageStart, int attempt, CancellationToken cancellationToken)
        {
            try
            {
                return await this.outages.WaitBeforeRetryAsync(outageStart, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        /// <summary>
        /// The collector to poll: rebuilt first when the session changed since it was made, or when <paramref name="lost"/>
        /// (the collector a poll found unknown) is still the current one.
        /// </summary>
        private async Task<ManagedObjectReference?> CurrentCollectorAsync(ManagedObjectReference? lost, CancellationToken cancellationToken)
        {
            await this.sessionGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (this.collector is null)
                {
                    return null;
                }

                if (this.client.SessionGeneration != this.collectorGeneration || (lost is not null && this.collector == lost))
                {
                    await this.RebuildLockedAsync(cancellationToken).ConfigureAwait(false);
                }

                return this.collector;
            }
            finally
            {
                this.sessionGate.Release();
            }
        }

        /// <summary>
        /// Makes a new collector and every live watch's filter on it, then re-reads the watched values (changes made while
        /// no filter existed would otherwise be lost). A watch whose object the server no longer knows fails alone.
        /// The caller holds the session gate.
        /// </summary>
        private async Task RebuildLockedAsync(CancellationToken cancellationToken)
        {
            int generation = this.client.SessionGeneration;
            ManagedObjectReference pc = await this.client.Service.CreatePropertyCollectorAsync(PropertyCollectorExtensions.PropertyCollectorOf(this.client), cancellationToken).ConfigureAwait(false);
            var rebuilt = new List<(Watch Watch, ManagedObjectReference Filter)>();
            var gone = new List<(Watch Watch, Exception Error)>();
            foreach (Watch watch in this.LiveWatches())
            {
                try
                {
                    rebuilt.Add((watch, await this.client.Service.CreateFilterAsync(pc, watch.Spec, partialUpdates: true, cancellationToken).ConfigureAwait(false)));
                }
                catch (VimFaultException ex) when (!IsCollectorLost(ex, pc))
                {
                    gone.Add((watch, ex));
                }
            }

            lock (this.gate)
            {
                this.watches.Clear();
                this.unclaimed.Clear();
                foreach ((Watch watch, ManagedObjectReference filter) in rebuilt)
                {
                    watch.Filter = filter;
                    this.watches[filter] = watch;
                }
            }

            (this.collector, this.collectorGeneration) = (pc, generation);
            Interlocked.Increment(ref this.recoveries);
            foreach ((Watch watch, Exception error) in gone)
            {
                watch.Fail(new VimProtocolException("Watching " + watch.Describe() + " ended: the server no longer accepts a filter for it after its collector was lost (" + error.Message + ").", "CreateFilter", error), detached: true);
            }


            await this.RereadAsync([.. rebuilt.Select(r => r.Watch)], cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Re-reads the current values of <paramref name="all"/>; an outage propagates, a watch whose object is gone (or faults) fails alone.</summary>
        private Task RereadAsync(Watch[] all, CancellationToken cancellationToken)
            => Task.WhenAll(all.Select(async watch =>
            {
                try
                {
                    if (!await this.DeliverCurrentAsync(watch, cancellationToken).ConfigureAwait(false))
                    {
                        watch.Fail(Gone(watch), detached: false);
                    }
                }
                catch (VimFaultException ex)
                {
                    watch.Fail(ex, detached: false);
                }
            }));

        /// <summary>The error for a watch whose one object the server no longer has (deleted, or the server restarted).</summary>
        private static VimProtocolException Gone(Watch watch)
            => new("Watching " + watch.Describe() + " ended: the server no longer has " + watch.SingleObject + ".", "RetrievePropertiesEx");

        /// <summary>
        /// Reads the watch's objects now and hands their values to it as an update. False when the watch is on one object
        /// and the read found nothing: a filter on it would wait forever.
        /// </summary>
        private async Task<bool> DeliverCurrentAsync(Watch watch, CancellationToken cancellationToken)
        {
            int found = 0;
            await foreach (ObjectContent current in this.client.Service.RetrieveAsync(PropertyCollectorExtensions.PropertyCollectorOf(this.client), [watch.Spec], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                found++;
                watch.Deliver(new ObjectUpdate
                {
                    Kind = ObjectUpdateKind.Enter,
                    Obj = current.Obj,
                    ChangeSet = [.. current.PropSet.Select(p => new PropertyChange { Name = p.Name, Op = PropertyChangeOp.Assign, Val = p.Val })],
                });
            }

            return found > 0 || watch.SingleObject is null;
        }

        private Watch[] LiveWatches()
        {
            lock (this.gate)
            {
                return [.. this.watches.Values.Where(w => !w.IsDisposed)];
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

        /// <summary>The loop ends with <paramref name="error"/>: every watcher fails, and the next watcher starts a new loop.</summary>
        private async Task EndAsync(Exception error)
        {
            await this.sessionGate.WaitAsync().ConfigureAwait(false);
            try
            {
                (this.collector, this.loop) = (null, null);
            }
            finally
            {
                this.sessionGate.Release();
            }

            this.FailAll(error);
        }

        private void FailAll(Exception error)
        {
            Watch[] all;
            lock (this.gate)
            {
                all = [.. this.watches.Values];
                this.watches.Clear();
                this.unclaimed.Clear();
            }

            foreach (Watch watch in all)
            {
                // Their filters died with the collector: disposing them sends nothing.
                watch.Fail(error, detached: true);
            }
        }

        private async ValueTask RemoveAsync(Watch watch)
        {
            lock (this.gate)
            {
                if (this.watches.TryGetValue(watch.Filter, out Watch? current) && current == watch)
                {
                    this.watches.Remove(watch.Filter);
                }
            }

            if (watch.IsDetached || watch.Filter is null)
            {
                return;
            }

            try
            {
                using var timeout = new CancellationTokenSource(WireCleanupTimeout);
                await this.client.Service.DestroyPropertyFilterAsync(watch.Filter, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is VimException or ObjectDisposedException or OperationCanceledException)
            {
                // Filters end with their collector and session.
            }
        }
    }
}
