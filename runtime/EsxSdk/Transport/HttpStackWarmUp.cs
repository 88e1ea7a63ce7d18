using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace EsxSdk.Transport
{
    /// <summary>
    /// The start-up warm-up's first step: loads and initializes what a process's first request needs from the HTTP stack
    /// (for https on Linux the system's trusted roots, then the client and handler WCF makes, request and reply headers,
    /// the socket layer, the cookie parser) before the connecting thread needs it, without connecting or sending: it runs
    /// while that thread loads WCF and builds the channel. Nothing here shows in the networking stack's events, metrics
    /// or traces, which are per request, per connection and per handshake.
    /// </summary>
    internal static class HttpStackWarmUp
    {
        public static void Run(bool https)
        {
            if (https && OperatingSystem.IsLinux())
            {
                LoadTrustStore();
            }

            // WCF's channel factory makes an HttpClient over an HttpClientHandler for its first request.
            new HttpClient(new HttpClientHandler(), disposeHandler: true).Dispose();

            // The header tables and parsers every request and reply goes through.
            using var request = new HttpRequestMessage(HttpMethod.Post, StartupWarmUp.SampleEndpoint) { Content = SoapBody() };
            request.Headers.TryAddWithoutValidation("SOAPAction", "\"urn:vim25/warm-up\"");
            using var reply = new HttpResponseMessage(HttpStatusCode.OK) { Content = SoapBody(), RequestMessage = request };
            _ = request.Headers.ToString() + reply.Content.Headers.ContentType;

            // The socket layer's native side, and the parser of the session cookie a Login reply sets.
            new Socket(SocketType.Stream, ProtocolType.Tcp).Dispose();
            new CookieContainer().SetCookies(StartupWarmUp.SampleEndpoint, "vmware_soap_session=\"warm-up\"; Path=/; HttpOnly");
        }

        /// <summary>
        /// Loads the system's trusted roots into the process-wide cache every certificate chain on Linux is built from. A TLS
        /// handshake builds the server's chain before any validation callback runs (so with a pinned thumbprint or no_verify
        /// too), and the first one loads and parses the whole store: about 95 ms on the test machines, the largest single
        /// cost of a first https call (bench/notes.md, "the HTTP stack's first use"). Read-only, nothing fetched.
        /// </summary>
        private static void LoadTrustStore()
        {
            using var roots = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
            roots.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);

            // Opening is lazy: the cache is filled by the first read.
            foreach (X509Certificate2 root in roots.Certificates)
            {
                root.Dispose();
            }
        }

        private static ByteArrayContent SoapBody()
        {
            var body = new ByteArrayContent([]);
            body.Headers.TryAddWithoutValidation("Content-Type", "text/xml; charset=utf-8");
            return body;
        }
    }
}
