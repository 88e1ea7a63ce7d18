using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Transport
{
    /// <summary>
    /// The last HTTP handler WCF calls: it hands each response's body to the guard of the call that sent the request, so the
    /// streamed body is read under that call's time-out and cancellation.
    /// </summary>
    internal sealed class GuardedResponseHandler : DelegatingHandler
    {
        public GuardedResponseHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ResponseBodyGuard? guard = ResponseBodyGuard.Current;
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (guard is not null)
            {
                response.Content = new GuardedResponseContent(response.Content, guard);
            }

            return response;
        }
    }
}
