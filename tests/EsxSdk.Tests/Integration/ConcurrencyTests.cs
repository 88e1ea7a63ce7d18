using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Tests.Integration
{
    /// <summary>Many calls in flight on one client: every one answered, with its own answer.</summary>
    [Collection(VcsimVpxCollection.Name)]
    public sealed class ConcurrencyTests
    {
        private const int Calls = 200;

        private readonly VcsimPeer peer;
        private readonly ITestOutputHelper output;

        public ConcurrencyTests(VcsimVpxFixture fixture, ITestOutputHelper output)
        {
            this.peer = fixture.Peer;
            this.output = output;
        }

        [Fact]
        public async Task Two_hundred_concurrent_calls_on_one_client_are_all_answered_correctly()
        {
            var logger = new CollectingLogger();
            await using VimClient client = await PrivateVcsim.ConnectAsync(this.peer, new VimClientOptions { Logger = logger });
            KeyValuePair<ManagedObjectReference, string>[] entities = (await Properties.ViewNamesAsync(client, client.ServiceContent.RootFolder!, true, null)).ToArray();
            var serviceInstance = new ManagedObjectReference("ServiceInstance", "ServiceInstance");
            int completedBefore = logger.Count("CallCompleted");
            int answered = 0;
            DateTimeOffset started = DateTimeOffset.UtcNow;

            // Even calls ask the time, odd calls read the name of one entity each (round robin): a mixed-up
            // response would show as another entity's name.
            Task<string>[] calls = Enumerable.Range(0, Calls).Select(async i =>
            {
                await Task.Yield();
                string result;
                if (i % 2 == 0)
                {
                    DateTimeOffset now = await client.Service.CurrentTimeAsync(serviceInstance);
                    Assert.True(now > started.AddMinutes(-5) && now < DateTimeOffset.UtcNow.AddMinutes(5), "call " + i + ": time " + now);
                    result = "time";
                }
                else
                {
                    KeyValuePair<ManagedObjectReference, string> entity = entities[i / 2 % entities.Length];
                    RetrieveResult? answer = await client.Service.RetrievePropertiesExAsync(
                        client.ServiceContent.PropertyCollector!,
                        [new PropertyFilterSpec { PropSet = [new PropertySpec { Type = entity.Key.Type, PathSet = ["name"] }], ObjectSet = [new ObjectSpec { Obj = entity.Key }] }],
                        new RetrieveOptions());
                    ObjectContent content = Assert.Single(answer!.Objects);
                    Assert.Equal(entity.Key, content.Obj);
                    Assert.Equal(entity.Value, Assert.Single(content.PropSet).Val);
                    result = entity.Value;
                }

                Interlocked.Increment(ref answered);
                return result;
            }).ToArray();
            string[] results = await Task.WhenAll(calls);

            Assert.Equal(Calls, answered);
            Assert.Equal(Calls / 2, results.Count(r => r == "time"));
            Assert.Equal(Calls, logger.Count("CallCompleted") - completedBefore);
            Assert.Equal(0, logger.Count("CallFailed"));
            Assert.Equal(1, logger.Count("LoggedIn"));
            this.output.WriteLine(Calls + " calls answered in " + (DateTimeOffset.UtcNow - started).TotalMilliseconds + " ms over " + entities.Length + " entities");
        }
    }
}
