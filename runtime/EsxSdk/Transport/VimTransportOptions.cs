using System;

namespace EsxSdk.Transport
{
    /// <summary>
    /// What the SOAP transport needs to open a channel: the endpoint, the call time-out, the response size limit and the
    /// certificate policy. The session layer (<see cref="EsxSdk.Session.VimClient"/>) makes it from the connection URI and the client
    /// options, so the transport depends on nothing above it.
    /// </summary>
    /// <param name="Endpoint">The SOAP endpoint, e.g. <c>https://esx1.example.com/sdk</c>.</param>
    /// <param name="Timeout">How long one call may take.</param>
    /// <param name="MaxResponseBytes">The largest response accepted.</param>
    /// <param name="NoVerify">Skip certificate verification (explicitly asked for).</param>
    /// <param name="Thumbprint">Accept exactly the certificate with this SHA-256 thumbprint (upper-case hex), when set.</param>
    internal sealed record VimTransportOptions(Uri Endpoint, TimeSpan Timeout, long MaxResponseBytes, bool NoVerify, string? Thumbprint);
}
