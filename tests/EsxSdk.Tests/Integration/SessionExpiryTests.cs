using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Tests.Integration
{
    /// <summary>Sessions that expire on the server (a private vcsim with a 1 s idle timeout) and logins that fail.</summary>
    public sealed class SessionExpiryTests
    {

        private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(1);

        // vcsim deletes an idle session between one and two timeouts after its last call; the tests watch for it up to this long.
        private static readonly TimeSpan ExpiryLimit = TimeSpan.FromSeconds(15);

        private static readonly ManagedObjectReference ServiceInstance = new("ServiceInstance", "ServiceInstance");

        private readonly ITestOutputHelper output;

        public SessionExpiryTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task A_call_after_the_session_expired_succeeds_through_one_transparent_re_login()
        {
            var logger = new CollectingLogger();
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync(new VcsimPeerOptions { SessionIdleTimeout = IdleTimeout }, new VimClientOptions { Logger = logger });
            VimClient client = vcsim.Client;
            string firstKey = client.CurrentSession!.Key!;
            Assert.Equal(1, logger.Count("LoggedIn"));

            await WaitUntilExpiredAsync(vcsim.Peer, client);
            ManagedObjectReference folder = await client.Service.CreateFolderAsync(client.ServiceContent.RootFolder!, "after-expiry");

            Assert.Equal("Folder", folder.Type);
            Assert.NotEqual(firstKey, client.CurrentSession!.Key);
            Assert.Equal(2, logger.Count("LoggedIn"));
            Assert.Equal(1, logger.Count("SessionExpired"));
            Assert.Equal("CreateFolder", logger.Entries.Single(e => e.EventName == "SessionExpired").Value("Operation"));
            Assert.Equal(1, logger.Count("CallFailed", e => e.Value("Operation") == "CreateFolder" && e.Value("Error") == "NotAuthenticated"));
            Assert.Equal(2, logger.Count("CallCompleted", e => e.Value("Operation") == "Login"));
            this.Dump(logger);
        }

        [Fact]
        public async Task Twenty_concurrent_calls_after_expiry_cause_exactly_one_re_login()
        {
            var logger = new CollectingLogger();
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync(new VcsimPeerOptions { SessionIdleTimeout = IdleTimeout }, new VimClientOptions { Logger = logger });
            VimClient client = vcsim.Client;
            string firstKey = client.CurrentSession!.Key!;

            await WaitUntilExpiredAsync(vcsim.Peer, client);
            DateTimeOffset[] times = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            {
                await Task.Yield();
                return await client.Service.CurrentTimeAsync(ServiceInstance);
            }));

            this.Dump(logger);
            Assert.Equal(20, times.Length);
            Assert.All(times, t => Assert.True(Math.Abs((t - DateTimeOffset.UtcNow).TotalMinutes) < 5));
            Assert.NotEqual(firstKey, client.CurrentSession!.Key);
            Assert.Equal(2, logger.Count("LoggedIn"));
            Assert.Equal(2, logger.Count("CallCompleted", e => e.Value("Operation") == "Login"));
            Assert.Equal(1, logger.Count("SessionExpired"));
            Assert.Equal(0, logger.Count("NotAuthorized"));
        }

        [Fact]
        public async Task Calls_spread_over_the_re_login_all_succeed()
        {
            var logger = new CollectingLogger();
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync(new VcsimPeerOptions { SessionIdleTimeout = IdleTimeout }, new VimClientOptions { Logger = logger });
            VimClient client = vcsim.Client;
            var random = new Random(1);
            int[] delays = Enumerable.Range(0, 100).Select(_ => random.Next(0, 60)).ToArray();

            await WaitUntilExpiredAsync(vcsim.Peer, client);
            string[] results = await Task.WhenAll(delays.Select(async delay =>
            {
                // Started over 60 ms, some calls go out while the first failed call is logging in again.
                await Task.Delay(delay);
                try
                {
                    await client.Service.CurrentTimeAsync(ServiceInstance);
                    return "ok";
                }
                catch (VimFaultException ex)
                {
                    return ex.Message;
                }
            }));

            foreach (IGrouping<string, string> group in results.GroupBy(r => r))
            {
                this.output.WriteLine(group.Count() + " x " + group.Key);
            }

            Assert.All(results, r => Assert.Equal("ok", r));
            Assert.Equal(2, logger.Count("LoggedIn"));
            Assert.Equal(0, logger.Count("NotAuthorized"));
        }

        [Fact]
        public async Task After_expiry_a_read_answered_with_NotAuthenticated_in_missingSet_logs_in_again_and_reads_again()
        {
            var logger = new CollectingLogger();
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync(new VcsimPeerOptions { SessionIdleTimeout = IdleTimeout }, new VimClientOptions { Logger = logger });
            VimClient client = vcsim.Client;
            ManagedObjectReference root = client.ServiceContent.RootFolder!;

            await WaitUntilExpiredAsync(vcsim.Peer, client);

            // vcsim (like older hosts) answers a read without a session with 200 and each property in missingSet as
            // NotAuthenticated, not with a fault: the client takes it as the session loss it is.
            RetrieveResult? result = await client.Service.RetrievePropertiesExAsync(
                client.ServiceContent.PropertyCollector!,
                [new PropertyFilterSpec { PropSet = [new PropertySpec { Type = "Folder", PathSet = ["name"] }], ObjectSet = [new ObjectSpec { Obj = root }] }],
                new RetrieveOptions());

            ObjectContent content = Assert.Single(result!.Objects);
            Assert.Empty(content.MissingSet);
            Assert.Equal("Datacenters", Assert.Single(content.PropSet).Val);
            Assert.Equal(2, logger.Count("LoggedIn"));
            Assert.Equal("RetrievePropertiesEx", logger.Entries.Single(e => e.EventName == "SessionExpired").Value("Operation"));
        }

        [Fact]
        public async Task A_wrong_password_fails_with_InvalidLogin_after_one_Login_attempt()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { SessionIdleTimeout = IdleTimeout });
            var logger = new CollectingLogger();

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => VimClient.ConnectAsync(peer.Url.ToString(), new NetworkCredential(peer.User, "wrong-" + peer.Password), new VimClientOptions { Logger = logger }));

            this.Dump(logger);
            Assert.IsType<InvalidLogin>(ex.Fault);
            Assert.Equal("Login", ex.Operation);
            Assert.Equal(1, logger.Count("CallFailed", e => e.Value("Operation") == "Login" && e.Value("Error") == "InvalidLogin"));
            Assert.Equal(0, logger.Count("LoggedIn"));
            Assert.Equal(0, logger.Count("SessionExpired"));
            Assert.Single(logger.Entries, e => e.Value("Operation") == "Login");
        }

        /// <summary>
        /// Waits until the server has deleted the client's session, watching SessionManager.sessionList from a
        /// second, raw session (polling with the client's own cookie would keep its session alive).
        /// </summary>
        private static async Task WaitUntilExpiredAsync(VcsimPeer peer, VimClient client)
        {
            string key = client.CurrentSession!.Key!;
            string watcher = await SoapProbe.LoginAsync(peer);
            string collector = client.ServiceContent.PropertyCollector!.Value;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                await Task.Delay(250);
                SoapProbeResponse sessions = await SoapProbe.PostAsync(peer, SoapProbe.RetrieveProperties(collector, "SessionManager", "SessionManager", "sessionList"), watcher);
                Assert.True(sessions.StatusCode == HttpStatusCode.OK, sessions.ToString());
                if (sessions.Find("missingSet").FirstOrDefault() is not null)
                {
                    // The watcher's own session can expire too with a 1 s idle timeout: take a new one.
                    watcher = await SoapProbe.LoginAsync(peer);
                    continue;
                }

                string[] keys = sessions.Find("key").Select(k => k.Value).ToArray();
                Assert.Contains(watcher, keys);
                if (!keys.Contains(key))
                {
                    return;
                }

                Assert.True(clock.Elapsed < ExpiryLimit, "the session " + key + " is still alive after " + ExpiryLimit.TotalSeconds + " s");
            }
        }

        private void Dump(CollectingLogger logger)
        {
            foreach (LogEntry entry in logger.Entries)
            {
                this.output.WriteLine(entry.ToString());
            }
        }
    }
}
