using System;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Support
{
    /// <summary>A test class's own peer with staged VM questions (-questions) and a client logged in to it.</summary>
    public abstract class QuestionPeerSession : IAsyncLifetime
    {
        protected VcsimPeer Peer { get; private set; } = null!;

        protected VimClient Client { get; private set; } = null!;

        /// <summary>The peer's options; subclasses may stage more (a crowd, a shorter busy task).</summary>
        protected virtual VcsimPeerOptions PeerOptions => new() { Questions = true };

        public async Task InitializeAsync()
        {
            this.Peer = await VcsimPeer.StartAsync(this.PeerOptions);
            this.Client = await VimClient.ConnectAsync(this.Peer.Url.ToString(), new NetworkCredential(this.Peer.User, this.Peer.Password));
        }

        public async Task DisposeAsync()
        {
            await this.Client.DisposeAsync();
            await this.Peer.DisposeAsync();
        }

        /// <summary>The VM's <c>runtime.powerState</c> (poweredOn, poweredOff, suspended), read through <paramref name="client"/> or the session's.</summary>
        protected async Task<string> PowerStateAsync(ManagedObjectReference vm, VimClient? client = null)
            => ((VirtualMachinePowerState)(await (client ?? this.Client).GetPropertiesAsync(vm, "runtime.powerState"))["runtime.powerState"]!).Value;

        /// <summary>Another client of the peer, logged in, through <paramref name="url"/> (the peer's, or a relay's in front of it).</summary>
        protected Task<VimClient> ConnectThroughAsync(Uri url, VimClientOptions? options = null)
            => VimClient.ConnectAsync(url.ToString(), new NetworkCredential(this.Peer.User, this.Peer.Password), options);

        /// <summary>The VM's <c>recentTask</c> (its queued and running tasks on the peer), read through the session's client.</summary>
        protected async Task<ManagedObjectReference[]> RecentTasksAsync(ManagedObjectReference vm)
            => (await this.Client.GetPropertiesAsync(vm, "recentTask")).TryGetValue("recentTask", out object? tasks) && tasks is ManagedObjectReference[] list ? list : [];

        /// <summary>A staged VM by role, found by inventory path: the staged VMs break vcsim's container views.</summary>
        protected async Task<ManagedObjectReference> VmAsync(string role)
            => await this.Client.FindByInventoryPathAsync("DC0/vm/" + this.Peer.QuestionVms[role]) ?? throw new InvalidOperationException("no VM for " + role);
    }
}
