using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// A bounded HTTP (or, with a certificate, HTTPS) server on 127.0.0.1 and a random port that writes exactly
    /// the bytes a test gives it. It accepts a fixed number of connections, hands each to the test's handler and
    /// then stops listening; every connection ends after <see cref="ConnectionLimit"/> or when the server is disposed.
    /// </summary>
    internal sealed class RawHttpServer : IAsyncDisposable
    {
        public static readonly TimeSpan ConnectionLimit = TimeSpan.FromSeconds(30);

        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

        private readonly TcpListener listener;
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentQueue<string> requests = new();
        private readonly X509Certificate2? certificate;
        private readonly Func<RawHttpConnection, Task> handler;
        private readonly Task serving;
        private int disposed;

        private RawHttpServer(int connections, Func<RawHttpConnection, Task> handler, X509Certificate2? certificate)
        {
            this.handler = handler;
            this.certificate = certificate;
            this.listener = new TcpListener(IPAddress.Loopback, 0);
            this.listener.Start();
            this.Port = ((IPEndPoint)this.listener.LocalEndpoint).Port;
            this.serving = this.ServeAsync(connections);
        }

        /// <summary>The port the server listens on.</summary>
        public int Port { get; }

        /// <summary>Every request read so far (head and body as text), in arrival order.</summary>
        public IReadOnlyList<string> Requests => this.requests.ToArray();

        /// <summary>Starts a server that serves <paramref name="connections"/> connections with <paramref name="handler"/>.</summary>
        public static RawHttpServer Start(int connections, Func<RawHttpConnection, Task> handler, X509Certificate2? certificate = null)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(connections);
            ArgumentNullException.ThrowIfNull(handler);
            return new RawHttpServer(connections, handler, certificate);
        }

        /// <summary>The URL of <paramref name="pathAndQuery"/> on this server, e.g. <c>http://127.0.0.1:PORT/sdk</c>.</summary>
        public string Url(string pathAndQuery = "/sdk")
            => (this.certificate is null ? "http" : "https") + "://127.0.0.1:" + this.Port.ToString(CultureInfo.InvariantCulture) + pathAndQuery;

        /// <summary>Stops listening, ends every connection and waits (bounded) for the handlers.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) != 0)
            {
                return;
            }

            await this.stop.CancelAsync();
            this.listener.Stop();
            try
            {
                await this.serving.WaitAsync(StopTimeout);
            }
            finally
            {
                this.stop.Dispose();
            }
        }

        private async Task ServeAsync(int connections)
        {
            var running = new List<Task>();
            try
            {
                for (int i = 0; i < connections; i++)
                {
                    TcpClient client = await this.listener.AcceptTcpClientAsync(this.stop.Token);
                    running.Add(Task.Run(() => this.HandleAsync(client)));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Disposed before all connections came.
            }
            finally
            {
                // Bounded: later connections are refused.
                this.listener.Stop();
            }

            await Task.WhenAll(running);
        }

        private async Task HandleAsync(TcpClient client)
        {
            using (client)
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(this.stop.Token))
            {
                limit.CancelAfter(ConnectionLimit);
                using CancellationTokenRegistration abort = limit.Token.Register(client.Dispose);
                try
                {
                    Stream stream = client.GetStream();
                    if (this.certificate is not null)
                    {
                        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                        stream = ssl;
                        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = this.certificate }, limit.Token);
                    }

                    await using (stream)
                    {
                        await this.handler(new RawHttpConnection(stream, this.requests, limit.Token));
                        await stream.FlushAsync(limit.Token);
                    }
                }
                catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client hung up, refused the certificate or the test is over: that is what these tests provoke.
                }
            }
        }
    }
}
