using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// A fault-injecting TCP relay on 127.0.0.1 in front of a peer. A test can reset every open connection, go down
    /// (connections refused) and come back on the same port, stall (accept, forward nothing), cut responses after a few
    /// bytes, or point the relay at another peer (a restarted server). Loopback only.
    /// </summary>
    public sealed class TcpRelay : IAsyncDisposable
    {
        private readonly int port;
        private readonly List<TcpClient> open = [];
        private readonly CancellationTokenSource stopping = new();
        private readonly object gate = new();
        private TcpListener? listener;
        private Task accepting = Task.CompletedTask;
        private Uri upstream;
        private volatile bool stalled;
        private volatile int cutAfterBytes = -1;

        public TcpRelay(Uri upstream)
        {
            this.upstream = upstream;
            this.listener = Listen(0);
            this.port = ((IPEndPoint)this.listener.LocalEndpoint).Port;
            this.Url = new UriBuilder(upstream) { Port = this.port }.Uri;
            this.accepting = this.AcceptAsync(this.listener);
        }

        /// <summary>The peer's URL with the relay's port.</summary>
        public Uri Url { get; }

        /// <summary>Whether the relay accepts connections now.</summary>
        public bool IsUp
        {
            get
            {
                lock (this.gate)
                {
                    return this.listener is not null;
                }
            }
        }

        /// <summary>New connections are accepted but nothing is forwarded either way (a hung server or network).</summary>
        public bool Stalled
        {
            get => this.stalled;
            set => this.stalled = value;
        }

        /// <summary>When not negative, each response is cut (the connection closed) after this many bytes.</summary>
        public int CutResponsesAfterBytes
        {
            get => this.cutAfterBytes;
            set => this.cutAfterBytes = value;
        }

        /// <summary>Closes every connection open now (both sides); new connections keep working.</summary>
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

        /// <summary>Goes down: stops listening (new connections are refused) and drops every open connection.</summary>
        public void GoDown()
        {
            lock (this.gate)
            {
                this.listener?.Stop();
                this.listener = null;
            }

            this.DropConnections();
        }

        /// <summary>Comes back on the same port.</summary>
        public void ComeBack()
        {
            lock (this.gate)
            {
                if (this.listener is not null)
                {
                    return;
                }

                this.listener = Listen(this.port);
                this.accepting = this.AcceptAsync(this.listener);
            }
        }

        /// <summary>Goes down now and comes back after <paramref name="outage"/> (in the background).</summary>
        public Task DownForAsync(TimeSpan outage)
        {
            this.GoDown();
            return Task.Delay(outage, this.stopping.Token).ContinueWith(_ => this.ComeBack(), TaskScheduler.Default);
        }

        /// <summary>Sends new connections to <paramref name="peer"/> from now on (e.g. a restarted server on another port).</summary>
        public void Retarget(Uri peer) => this.upstream = peer;

        public async ValueTask DisposeAsync()
        {
            await this.stopping.CancelAsync();
            this.GoDown();
            await this.accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            this.stopping.Dispose();
        }

        private static TcpListener Listen(int port)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            return listener;
        }

        private async Task AcceptAsync(TcpListener from)
        {
            while (!this.stopping.IsCancellationRequested)
            {
                TcpClient inbound;
                try
                {
                    inbound = await from.AcceptTcpClientAsync(this.stopping.Token);
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
                {
                    return; // gone down or disposed
                }

                var outbound = new TcpClient();
                lock (this.gate)
                {
                    // Accepted just as the relay went down: GoDown has dropped what was open, so this one must not live on
                    // (the client would keep talking to the peer through it all through the outage).
                    if (this.listener != from)
                    {
                        inbound.Dispose();
                        outbound.Dispose();
                        return;
                    }

                    lock (this.open)
                    {
                        this.open.Add(inbound);
                        this.open.Add(outbound);
                    }
                }

                if (this.stalled)
                {
                    continue; // held open, nothing forwarded
                }

                try
                {
                    await outbound.ConnectAsync(this.upstream.Host, this.upstream.Port, this.stopping.Token);
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    inbound.Dispose();
                    outbound.Dispose();
                    continue;
                }

                _ = PumpAsync(inbound, outbound, -1);
                _ = PumpAsync(outbound, inbound, this.cutAfterBytes);
            }
        }

        /// <summary>Copies <paramref name="from"/> to <paramref name="to"/>; with <paramref name="limit"/> not negative, closes both after that many bytes.</summary>
        private static async Task PumpAsync(TcpClient from, TcpClient to, int limit)
        {
            try
            {
                if (limit < 0)
                {
                    await from.GetStream().CopyToAsync(to.GetStream());
                    return;
                }

                byte[] buffer = new byte[4096];
                int left = limit;
                while (left > 0)
                {
                    int read = await from.GetStream().ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, left)));
                    if (read == 0)
                    {
                        return;
                    }

                    await to.GetStream().WriteAsync(buffer.AsMemory(0, read));
                    left -= read;
                }
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
