using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Xml;

namespace EsxSdk.Transport
{
    /// <summary>
    /// Sends one vim25 request and reads its response: what generated service methods call. A connected
    /// <see cref="EsxSdk.Session.VimClient"/> is one; tests and tools may supply their own.
    /// </summary>
    public interface IVimInvoker
    {
        /// <summary>Sends <paramref name="request"/> as element <paramref name="requestElement"/> and reads the response element.</summary>
        /// <typeparam name="TResponse">The generated response element type.</typeparam>
        /// <exception cref="VimFaultException">The server answered with a SOAP fault.</exception>
        /// <exception cref="VimConnectionException">The server could not be reached or did not answer with vim25 SOAP.</exception>
        Task<TResponse> InvokeAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, CancellationToken cancellationToken)
            where TResponse : class, IVimXmlSerializable, new();
    }
}
