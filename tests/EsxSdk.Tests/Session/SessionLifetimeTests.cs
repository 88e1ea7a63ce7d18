using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Session
{
    /// <summary>Keep-alive and logging, each against a peer of its own (session expiry needs its own settings).</summary>
    public sealed class SessionLifetimeTests
    {
        private static readonly ManagedObjectReference ServiceInstance = new("ServiceInstance", "ServiceInstance");

        /// <summary>
        /// Keep-alives go out at most two intervals apart (a tick skips a session used within the last interval): 600 ms
        /// against a 2 s idle time-out leaves room for a loaded CI machine (1 s did not), and 5 s idle would expire it twice.
        /// </summary>
        [Fact]
        public async Task Keep_alive_holds_an_idle_session_past_the_server_idle_timeout()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { SessionIdleTimeout = TimeSpan.FromSeconds(2) });
            var logger = new CollectingLogger();
            var options = new VimClientOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(300), Logger = logger };
            await using VimClient client = await VimClient.ConnectAsync(peer.Url.ToString(), new NetworkCredential(peer.User, peer.Password), options);
            string key = client.CurrentSession!.Key!;

            await Task.Delay(TimeSpan.FromSeconds(5));
            await client.Service.CreateFolderAsync(client.ServiceContent.RootFolder!, "kept-alive");

            Assert.Equal(key, client.CurrentSession!.Key);
            Assert.Equal(0, logger.Count("SessionExpired"));
            Assert.Equal(1, logger.Count("LoggedIn"));
        }

        [Fact]
        public async Task Without_keep_alive_an_expired_session_is_replaced_by_one_transparent_login()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { SessionIdleTimeout = TimeSpan.FromSeconds(1) });
            var logger = new CollectingLogger();
            await using VimClient client = await VimClient.ConnectAsync(peer.Url.ToString(), new NetworkCredential(peer.User, peer.Password), new VimClientOptions { Logger = logger });
            string key = client.CurrentSession!.Key!;

            await Task.Delay(TimeSpan.FromSeconds(3.5));
            ManagedObjectReference folder = await client.Service.CreateFolderAsync(client.ServiceContent.RootFolder!, "after-expiry");

            Assert.Equal("Folder", folder.Type);
            Assert.NotEqual(key, client.CurrentSession!.Key);
            Assert.Equal(1, logger.Count("SessionExpired"));
            Assert.Equal(2, logger.Count("LoggedIn"));
        }

        [Fact]
        public async Task Logs_name_calls_and_users_but_never_the_password()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync();
            var logger = new CollectingLogger();

            await using (VimClient client = await VimClient.ConnectAsync(peer.Url.ToString(), new NetworkCredential(peer.User, peer.Password), new VimClientOptions { Logger = logger }))
            {
                await client.Service.CurrentTimeAsync(ServiceInstance);
            }

            await Assert.ThrowsAsync<VimFaultException>(() => VimClient.ConnectAsync(peer.Url.ToString(), new NetworkCredential(peer.User, "Wrong-Secret-42"), new VimClientOptions { Logger = logger }));

            Assert.Contains("Connected", logger.Entries.Select(e => e.EventName));
            Assert.Equal(1, logger.Count("CallCompleted", e => e.Value("Operation") == "CurrentTime"));
            Assert.Equal(1, logger.Count("CallFailed", e => e.Value("Error") == "InvalidLogin"));
            string allText = string.Join("\n", logger.Entries.Select(e => e.ToString()));
            Assert.Contains(peer.User, allText, StringComparison.Ordinal);
            Assert.DoesNotContain(peer.Password, allText, StringComparison.Ordinal);
            Assert.DoesNotContain("Wrong-Secret-42", allText, StringComparison.Ordinal);
            Assert.DoesNotContain("vmware_soap_session", allText, StringComparison.Ordinal);
        }
    }
}
