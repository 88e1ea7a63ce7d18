using System;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace EsxSdk.Benchmarks.Clients
{
    /// <summary>
    /// Sends one SOAP 1.1 request and hands the response's body content to a reader callback: the seam that
    /// lets the same serializer run over WCF or a bare HttpClient, and either serializer over the same channel.
    /// </summary>
    public interface ISoapChannel : IAsyncDisposable
    {
        /// <summary>
        /// Writes the body with <paramref name="writeBody"/>, sends it with SOAPAction <c>urn:vim25/{apiVersion}</c>,
        /// and reads the response with <paramref name="readBody"/> positioned on the body's first element.
        /// </summary>
        /// <exception cref="SoapFaultException">The server answered with a SOAP fault.</exception>
        Task<T> CallAsync<T>(Action<XmlWriter> writeBody, Func<XmlReader, T> readBody, CancellationToken cancellationToken = default);
    }

    /// <summary>A SOAP fault answer, with its faultstring.</summary>
    public sealed class SoapFaultException(string faultString) : Exception("SOAP fault: " + faultString)
    {
        public string FaultString { get; } = faultString;
    }
}
