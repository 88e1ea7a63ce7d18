using System;

namespace EsxSdk
{
    /// <summary>
    /// The server could not be reached or did not answer with vim25 SOAP: unknown host, refused connection,
    /// TLS or certificate failure, time-out, an HTML error page, a body over the size limit.
    /// </summary>
    public sealed class VimConnectionException : VimException
    {
        /// <summary>Creates the exception.</summary>
        public VimConnectionException(string message, Uri? endpoint, string? operation, Exception? innerException = null)
            : base(message, operation, innerException)
        {
            this.Endpoint = endpoint;
        }

        /// <summary>The SDK endpoint that was called.</summary>
        public Uri? Endpoint { get; }
    }
}
