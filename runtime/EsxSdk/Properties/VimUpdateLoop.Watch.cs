using System;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    public sealed partial class VimUpdateLoop
    {
        /// <summary>One watcher: its filter spec, its filter on the current collector, and its callbacks.</summary>
        private sealed class Watch(VimUpdateLoop owner, PropertyFilterSpec spec, Action<ObjectUpdate> onUpdate, Action<Exception>? onError) : IAsyncDisposable
        {
            private int disposed;
            private int failed;
            private int detached;

            public PropertyFilterSpec Spec { get; } = spec;

            /// <summary>The server's filter; replaced when the loop rebuilds its collector.</summary>
            public ManagedObjectReference Filter { get; set; } = null!;

            public bool IsDisposed => Volatile.Read(ref this.disposed) != 0;

            /// <summary>Whether the filter died with a collector the loop gave up: disposing sends nothing.</summary>
            public bool IsDetached => Volatile.Read(ref this.detached) != 0;

            /// <summary>The one object a spec without traversal watches (its absence means it is gone), else null.</summary>
            public ManagedObjectReference? SingleObject
                => this.Spec.ObjectSet is [{ Obj: { } obj, SelectSet.Length: 0 }] ? obj : null;

            public void Deliver(ObjectUpdate update)
            {
                if (Volatile.Read(ref this.disposed) == 0 && Volatile.Read(ref this.failed) == 0)
                {
                    onUpdate(update);
                }
            }

            /// <summary>Ends the watch with <paramref name="error"/> (once); <paramref name="detached"/> when its filter is already gone.</summary>
            public void Fail(Exception error, bool detached)
            {
                if (detached)
                {
                    Volatile.Write(ref this.detached, 1);
                }

                if (Volatile.Read(ref this.disposed) == 0 && Interlocked.Exchange(ref this.failed, 1) == 0)
                {
                    onError?.Invoke(error);
                }
            }

            /// <summary>What is watched, for messages: the objects and properties.</summary>
            public string Describe()
                => string.Join(", ", Array.ConvertAll(this.Spec.ObjectSet, o => o.Obj?.ToString() ?? "?"))
                   + " (" + string.Join(", ", Array.ConvertAll(this.Spec.PropSet, p => string.Join(",", p.PathSet))) + ")";

            public ValueTask DisposeAsync() => Interlocked.Exchange(ref this.disposed, 1) == 0 ? owner.RemoveAsync(this) : ValueTask.CompletedTask;
        }
    }
}
