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
            : this(message, endpoint, operation, requestNotSent: false, innerException)
        {
        }

        /// <summary>Creates the exception, saying whether the request certainly never reached the server.</summary>
        public VimConnectionException(string message, Uri? endpoint, string? operation, bool requestNotSent, Exception? innerException = null)
            : base(message, operation, innerException)
        {
            this.Endpoint = endpoint;
            this.RequestNotSent = requestNotSent;
        }

        /// <summary>
        /// True when the request certainly never reached the server (no connection could be made), so repeating it cannot
        /// run it twice; false when it may have been received (e.g. the connection dropped while waiting for the answer).
        /// </summary>
        public bool RequestNotSent { get; }

        /// <summary>The SDK endpoint that was called.</summary>
        public Uri? Endpoint { get; }
    }
}
