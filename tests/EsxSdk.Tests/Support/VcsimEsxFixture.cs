using System;
using System.Threading.Tasks;
using Xunit;

namespace EsxSdk.Tests.Support
{
    /// <summary>One vcsim peer with the standalone ESXi host model and default options, shared by <see cref="VcsimEsxCollection"/>.</summary>
    public sealed class VcsimEsxFixture : IAsyncLifetime
    {
        private VcsimPeer? peer;

        public VcsimPeer Peer => this.peer ?? throw new InvalidOperationException("The vcsim peer has not been started.");

        public async Task InitializeAsync()
        {
            this.peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { Model = VcsimModel.Esx });
        }

        public async Task DisposeAsync()
        {
            if (this.peer is not null)
            {
                await this.peer.DisposeAsync();
            }
        }
    }
}
