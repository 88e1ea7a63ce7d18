using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// What runs the generated question-aware wrappers' tasks: the pre-check, the start and the watched wait. The
    /// client's <see cref="VimClient.Service"/> holds its client as the host; a <c>VimService</c> built on another
    /// invoker has none, and its wrappers say to use <c>client.Service</c> or the raw starter. Internal: only the
    /// runtime's own binding (generated with <c>VimTaskWrappers</c>) sees it.
    /// </summary>
    internal interface IVimTaskHost
    {
        /// <summary>
        /// Runs the task <paramref name="start"/> starts, pre-checking and watching <paramref name="targets"/>, and
        /// returns its <c>info.result</c> (see <see cref="VimTaskRunner.RunTaskAsync(VimClient, IReadOnlyList{ManagedObjectReference}, Func{CancellationToken, Task{ManagedObjectReference}}, VimTaskOptions?, CancellationToken)"/>).
        /// </summary>
        Task<object?> RunTaskAsync(IReadOnlyList<ManagedObjectReference> targets, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken);
    }
}
