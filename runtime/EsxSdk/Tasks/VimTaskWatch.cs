using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// The updates one task wait needs, from the client's shared update loop: the task's <c>info</c> and the
    /// <c>runtime.question</c> of each VM involved, merged into one stream. One filter per object, since specs
    /// that mix object types trip some servers (vcsim panics on them).
    /// </summary>
    internal sealed class VimTaskWatch(VimClient client, ManagedObjectReference task) : IAsyncDisposable
    {
        private readonly Channel<ObjectUpdate> updates = Channel.CreateUnbounded<ObjectUpdate>();
        private readonly List<IAsyncDisposable> filters = [];
        private readonly HashSet<ManagedObjectReference> vms = [];

        /// <summary>Whether <paramref name="vm"/>'s questions are watched.</summary>
        public bool IsWatching(ManagedObjectReference vm) => this.vms.Contains(vm);

        /// <summary>Watches the task's info; its current value is readable when this returns.</summary>
        public async Task WatchTaskAsync(CancellationToken cancellationToken)
            => this.filters.Add(await this.WatchAsync(task, "Task", "info", cancellationToken).ConfigureAwait(false));

        /// <summary>Also watches <paramref name="vm"/>'s questions (e.g. the task's <c>info.entity</c>); its current question arrives first.</summary>
        public async Task WatchVmAsync(ManagedObjectReference vm, CancellationToken cancellationToken)
        {
            if (this.vms.Add(vm))
            {
                this.filters.Add(await this.WatchAsync(vm, "VirtualMachine", "runtime.question", cancellationToken).ConfigureAwait(false));
            }
        }

        public IAsyncEnumerable<ObjectUpdate> ReadAllAsync(CancellationToken cancellationToken) => this.updates.Reader.ReadAllAsync(cancellationToken);

        /// <summary>An update already received, if any (without waiting).</summary>
        public bool TryRead([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ObjectUpdate update) => this.updates.Reader.TryRead(out update);

        public async ValueTask DisposeAsync()
        {
            foreach (IAsyncDisposable filter in this.filters)
            {
                await filter.DisposeAsync().ConfigureAwait(false);
            }

            this.updates.Writer.TryComplete();
        }

        private Task<IAsyncDisposable> WatchAsync(ManagedObjectReference obj, string type, string path, CancellationToken cancellationToken)
        {
            var spec = new PropertyFilterSpec
            {
                ObjectSet = [new ObjectSpec { Obj = obj }],
                PropSet = [new PropertySpec { Type = type, PathSet = [path] }],
            };
            return client.Updates.WatchAsync(spec, u => this.updates.Writer.TryWrite(u), e => this.updates.Writer.TryComplete(e), cancellationToken);
        }
    }
}
