using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tasks;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>50 tasks at once on one client, 20 of them blocked by questions: each ends as its policy says, over one update loop.</summary>
    public sealed class TaskConcurrencyTests(ITestOutputHelper output) : QuestionPeerSession
    {
        private const int Crowd = 20;
        private const int PlainTasks = 30;

        // 30 VMs per resource pool: 60, of which 8 roles and the crowd are staged, the rest are vcsim's own.
        protected override VcsimPeerOptions PeerOptions => new() { Questions = true, QuestionCrowd = Crowd, Vms = 30 };

        [Fact]
        public async Task Fifty_concurrent_tasks_with_questions_all_resolve_as_the_policy_says()
        {
            await using VimClient client = await VimClient.ConnectAsync(this.Peer.Url + "?auto_answer=1", new NetworkCredential(this.Peer.User, this.Peer.Password));
            Dictionary<string, ManagedObjectReference> byName = await this.VmsByNameAsync(client);
            ManagedObjectReference[] withDefault = [.. Enumerable.Range(0, Crowd).Where(i => i % 2 == 1).Select(i => byName["esxsdk-q-crowd-" + i])];
            ManagedObjectReference[] withoutDefault = [.. Enumerable.Range(0, Crowd).Where(i => i % 2 == 0).Select(i => byName["esxsdk-q-crowd-" + i])];
            ManagedObjectReference[] plain = [.. byName.Where(p => !p.Key.StartsWith("esxsdk-q-", StringComparison.Ordinal)).Select(p => p.Value).Take(PlainTasks)];
            Assert.Equal(PlainTasks, plain.Length);
            var recorder = new ActivityRecorder(this.Peer.Url);

            Task[] answered = [.. withDefault.Select(vm => client.Service.PowerOnVMAsync(vm))];
            Task[] refused = [.. withoutDefault.Select(vm => client.Service.PowerOnVMAsync(vm))];
            Task[] powerOffs = [.. plain.Select(vm => client.Service.PowerOffVMAsync(vm))];
            await Task.WhenAll(answered.Concat(refused).Concat(powerOffs).Select(t => t.ContinueWith(_ => { }, System.Threading.Tasks.TaskScheduler.Default)));
            recorder.Dispose();

            Assert.All(answered.Concat(powerOffs), t => Assert.True(t.IsCompletedSuccessfully, t.Exception?.ToString()));
            Assert.All(refused, t =>
            {
                var ex = Assert.IsType<VimQuestionException>(t.Exception?.InnerException);
                Assert.Contains("no default", ex.Message, StringComparison.OrdinalIgnoreCase);
                Assert.False(ex.TaskCanceled);
            });
            IReadOnlyList<VcsimRecordedCall> calls = await this.Peer.GetRecordedCallsAsync();
            Assert.Equal(withDefault.Select(vm => vm.Value).Order(), calls.Select(c => c.Vm!).Order());
            Assert.All(calls, c => Assert.Equal(("AnswerVM", "1", "ok"), (c.Method, c.AnswerChoice, c.Result)));
            Assert.All(await Task.WhenAll(withDefault.Select(vm => this.PowerStateAsync(vm, client))), state => Assert.Equal("poweredOn", state));
            Assert.All(await Task.WhenAll(plain.Select(vm => this.PowerStateAsync(vm, client))), state => Assert.Equal("poweredOff", state));

            int perTask = recorder.CountAllExcept("WaitForUpdatesEx");
            output.WriteLine("50 tasks: " + perTask + " round trips besides the shared loop (" + (perTask / 50.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " per task), WaitForUpdatesEx calls " + recorder.Count("WaitForUpdatesEx") + ", at most " + recorder.PeakConcurrency("WaitForUpdatesEx") + " in flight");
            Assert.Equal(1, recorder.PeakConcurrency("WaitForUpdatesEx"));
            Assert.True(perTask <= 50 * 9, "round trips besides the loop: " + perTask);
        }

        /// <summary>Every VM of DC0's VM folder by name (the staged VMs break container views, so the folder is read).</summary>
        private async Task<Dictionary<string, ManagedObjectReference>> VmsByNameAsync(VimClient client)
        {
            ManagedObjectReference folder = (await client.FindByInventoryPathAsync("DC0/vm"))!;
            var children = (ManagedObjectReference[])(await client.GetPropertiesAsync(folder, "childEntity"))["childEntity"]!;
            var spec = new PropertyFilterSpec
            {
                ObjectSet = [.. children.Where(c => c.Type == "VirtualMachine").Select(c => new ObjectSpec { Obj = c })],
                PropSet = [new PropertySpec { Type = "VirtualMachine", PathSet = ["name"] }],
            };
            var result = new Dictionary<string, ManagedObjectReference>(StringComparer.Ordinal);
            await foreach (ObjectContent content in client.RetrieveAsync([spec]))
            {
                result[(string)content.PropSet.Single().Val!] = content.Obj!;
            }

            return result;
        }
    }
}
