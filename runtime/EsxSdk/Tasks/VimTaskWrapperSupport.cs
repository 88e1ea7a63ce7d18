using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>What the generated task wrappers (e.g. <c>VimService.PowerOnVMAsync</c>) call: the runner plus result typing.</summary>
    internal static class VimTaskWrapperSupport
    {
        /// <summary>Runs the task; the result as the server sent it.</summary>
        public static Task<object?> RunAsync(IVimInvoker invoker, string operation, IEnumerable<ManagedObjectReference?> candidates, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken)
            => ClientOf(invoker, operation).RunTaskAsync(VmTargets(candidates), start, options, cancellationToken);

        /// <summary>Runs a task whose documented result is one <typeparamref name="TResult"/>; a missing or other result is a protocol error.</summary>
        public static async Task<TResult> RunSingleAsync<TResult>(IVimInvoker invoker, string operation, IEnumerable<ManagedObjectReference?> candidates, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken)
            where TResult : class
        {
            object? result = await RunAsync(invoker, operation, candidates, start, options, cancellationToken).ConfigureAwait(false);
            return result as TResult ?? throw Unexpected(operation, typeof(TResult).Name, result);
        }

        /// <summary>Runs a task whose documented result is a list of <typeparamref name="TItem"/>; none is an empty list.</summary>
        public static async Task<TItem[]> RunArrayAsync<TItem>(IVimInvoker invoker, string operation, IEnumerable<ManagedObjectReference?> candidates, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken)
        {
            object? result = await RunAsync(invoker, operation, candidates, start, options, cancellationToken).ConfigureAwait(false);
            return result switch
            {
                null => [],
                TItem[] items => items,
                TItem item => [item],
                _ => throw Unexpected(operation, typeof(TItem).Name + "[]", result),
            };
        }

        /// <summary>The VMs among the candidates: the pre-check and the question watch apply to VMs.</summary>
        private static List<ManagedObjectReference> VmTargets(IEnumerable<ManagedObjectReference?> candidates)
            => candidates.OfType<ManagedObjectReference>().Where(VimTaskRunner.IsVirtualMachine).Distinct().ToList();

        private static VimClient ClientOf(IVimInvoker invoker, string operation) => invoker as VimClient
            ?? throw new InvalidOperationException(
                "The question-aware wrapper of " + operation + " needs the VimService of a VimClient session (client.Service) to watch the task; this service sends through "
                + invoker.GetType().Name + ". Call the raw starter instead and wait for the task yourself.");

        private static VimProtocolException Unexpected(string operation, string expected, object? result) => new(
            operation + " succeeded with " + (result is null ? "no result" : "a result of type " + result.GetType().Name) + " where the API reference documents " + expected + ".",
            operation);
    }
}
