using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// A TCP relay on 127.0.0.1 in front of a peer, whose open connections a test can drop at once (a network failure
    /// in the middle of a call, e.g. a long-polling WaitForUpdatesEx), while new connections keep working.
    /// </summary>
    internal sealed class TcpRelay : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly Uri upstream;
        private readonly List<TcpClient> open = [];
        private readonly CancellationTokenSource stopping = new();
        private readonly Task accepting;

        public TcpRelay(Uri upstream)
        {
            this.upstream = upstream;
            this.listener.Start();
            this.Url = new UriBuilder(upstream) { Port = ((IPEndPoint)this.listener.LocalEndpoint).Port }.Uri;
            this.accepting = this.AcceptAsync();
        }

        /// <summary>The peer's URL with the relay's port.</summary>
        public Uri Url { get; }

        /// <summary>Closes every connection open now (both sides).</summary>
        public void DropConnections()
        {
            lock (this.open)
            {
                foreach (TcpClient client in this.open)
                {
                    client.Dispose();
                }

                this.open.Clear();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await this.stopping.CancelAsync();
            this.listener.Stop();
            this.DropConnections();
            await this.accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            this.stopping.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!this.stopping.IsCancellationRequested)
            {
                TcpClient inbound = await this.listener.AcceptTcpClientAsync(this.stopping.Token);
                var outbound = new TcpClient();
                await outbound.ConnectAsync(this.upstream.Host, this.upstream.Port, this.stopping.Token);
                lock (this.open)
                {
                    this.open.Add(inbound);
                    this.open.Add(outbound);
                }

                _ = PumpAsync(inbound, outbound);
                _ = PumpAsync(outbound, inbound);
            }
        }

        private static async Task PumpAsync(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception ex) when (ex is System.IO.IOException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                // Dropped on purpose (or the peer went away): the other side is closed below.
            }
            finally
            {
                to.Dispose();
                from.Dispose();
            }
        }
    }
}
