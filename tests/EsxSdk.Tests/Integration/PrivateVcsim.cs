using System;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;

namespace EsxSdk.Tests.Integration
{
    /// <summary>A private vcsim peer with a logged-in client, for tests that change the inventory or need special options.</summary>
    internal sealed class PrivateVcsim : IAsyncDisposable
    {
        private PrivateVcsim(VcsimPeer peer, VimClient client)
        {
            this.Peer = peer;
            this.Client = client;
        }

        public VcsimPeer Peer { get; }

        public VimClient Client { get; }

        public static async Task<PrivateVcsim> StartAsync(VcsimPeerOptions? options = null, VimClientOptions? clientOptions = null)
        {
            VcsimPeer peer = await VcsimPeer.StartAsync(options);
            try
            {
                VimClient client = await ConnectAsync(peer, clientOptions);
                return new PrivateVcsim(peer, client);
            }
            catch
            {
                await peer.DisposeAsync();
                throw;
            }
        }

        public static Task<VimClient> ConnectAsync(VcsimPeer peer, VimClientOptions? clientOptions = null)
            => VimClient.ConnectAsync(peer.Url.ToString(), new NetworkCredential(peer.User, peer.Password), clientOptions);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await this.Client.DisposeAsync();
            }
            finally
            {
                await this.Peer.DisposeAsync();
            }
        }
    }
}
