using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// What the generated task wrappers (e.g. <c>VimService.PowerOnVMAsync</c>) call: the service's task host (the
    /// runner of its client) plus result typing.
    /// </summary>
    internal static class VimTaskWrapperSupport
    {
        /// <summary>Runs the task; the result as the server sent it.</summary>
        public static Task<object?> RunAsync(IVimTaskHost? host, string operation, IEnumerable<ManagedObjectReference?> candidates, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken)
            => Required(host, operation).RunTaskAsync(VmTargets(candidates), start, options, cancellationToken);

        /// <summary>Runs a task whose documented result is one <typeparamref name="TResult"/>; a missing or other result is a protocol error.</summary>
        public static async Task<TResult> RunSingleAsync<TResult>(IVimTaskHost? host, string operation, IEnumerable<ManagedObjectReference?> candidates, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken)
            where TResult : class
        {
            object? result = await RunAsync(host, operation, candidates, start, options, cancellationToken).ConfigureAwait(false);
            return result as TResult ?? throw Unexpected(operation, typeof(TResult).Name, result);
        }

        /// <summary>Runs a task whose documented result is a list of <typeparamref name="TItem"/>; none is an empty list.</summary>
        public static async Task<TItem[]> RunArrayAsync<TItem>(IVimTaskHost? host, string operation, IEnumerable<ManagedObjectReference?> candidates, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken)
        {
            object? result = await RunAsync(host, operation, candidates, start, options, cancellationToken).ConfigureAwait(false);
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
            => candidates.OfType<ManagedObjectReference>().Where(VimQuestionHandling.IsVirtualMachine).Distinct().ToList();

        /// <summary>The host, or why there is none: a VimService made with its public constructor cannot watch tasks.</summary>
        private static IVimTaskHost Required(IVimTaskHost? host, string operation) => host
            ?? throw new InvalidOperationException(
                "The question-aware wrapper of " + operation + " needs the VimService of a VimClient session (client.Service) to watch the task; "
                + "this service was made on an invoker alone. Use client.Service, or call the raw starter and wait for the task yourself.");

        private static VimProtocolException Unexpected(string operation, string expected, object? result) => new(
            operation + " succeeded with " + (result is null ? "no result" : "a result of type " + result.GetType().Name) + " where the API reference documents " + expected + ".",
            operation);
    }
}
