using System;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Xml;

namespace EsxSdk.Transport
{
    /// <summary>Result selection for generated service methods, so they need no async state machine of their own.</summary>
    public static class VimInvokerExtensions
    {
        /// <summary>Invokes and returns the part of the response <paramref name="select"/> picks (its <c>returnval</c>).</summary>
        public static async Task<TResult> InvokeAsync<TResponse, TResult>(
            this IVimInvoker invoker,
            string operation,
            string requestElement,
            IVimXmlSerializable request,
            Func<TResponse, TResult> select,
            CancellationToken cancellationToken)
            where TResponse : class, IVimXmlSerializable, new()
        {
            ArgumentNullException.ThrowIfNull(invoker);
            ArgumentNullException.ThrowIfNull(select);
            TResponse response = await invoker.InvokeAsync<TResponse>(operation, requestElement, request, cancellationToken).ConfigureAwait(false);
            return select(response);
        }
    }
}
