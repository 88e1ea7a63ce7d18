using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tasks;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Reliability
{
    /// <summary>
    /// Between clients the server is the referee: two clients starting a task on one VM at once, and a question
    /// answered by someone else just before our AnswerVM.
    /// </summary>
    public sealed class RaceTests : QuestionPeerSession
    {
        protected override VcsimPeerOptions PeerOptions => new() { Questions = true, BusyTaskDuration = TimeSpan.FromSeconds(3) };

        [Fact]
        public async Task Two_clients_racing_past_the_precheck_get_one_task_and_the_loser_a_block_naming_it()
        {
            await using VimClient other = await this.ConnectThroughAsync(this.Peer.Url);
            ManagedObjectReference vm = await this.VmAsync("slow");
            (Exception? mine, Exception? theirs) = await RaceAsync(this.Client, other, vm);

            // Both pre-checks passed before either start: the server refused the second start with TaskInProgress.
            Assert.True(mine is null ^ theirs is null, "exactly one client succeeds: " + (mine ?? theirs));
            var blocked = Assert.IsType<VimBlockedException>(mine ?? theirs);
            var refusal = Assert.IsType<VimFaultException>(blocked.InnerException);
            var inProgress = Assert.IsType<TaskInProgress>(refusal.Fault);
            TaskInfo winner = Assert.Single(blocked.PendingTasks);
            Assert.Equal(inProgress.Task, winner.Task);
            Assert.Equal("VirtualMachine.reconfigure", winner.DescriptionId);
            Assert.Contains(winner.Task!.Value, blocked.Message, StringComparison.Ordinal);
            Assert.Contains("the server decides", blocked.Message, StringComparison.Ordinal);
            Assert.Equal(vm, blocked.Target);
        }

        [Fact]
        public async Task A_task_queued_behind_another_clients_task_is_canceled_and_the_winner_named()
        {
            await using VcsimPeer peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { Questions = true, BusyTaskDuration = TimeSpan.FromSeconds(3), QueueTasks = true });
            await using VimClient first = await this.ConnectThroughAsync(peer.Url);
            await using VimClient second = await this.ConnectThroughAsync(peer.Url);
            ManagedObjectReference vm = (await first.FindByInventoryPathAsync("DC0/vm/" + peer.QuestionVms["slow"]))!;
            (Exception? a, Exception? b) = await RaceAsync(first, second, vm);

            Assert.True(a is null ^ b is null, "exactly one client succeeds: " + (a ?? b));
            var blocked = Assert.IsType<VimBlockedException>(a ?? b);
            TaskInfo winner = Assert.Single(blocked.PendingTasks);
            Assert.Contains("queued behind it and has been canceled", blocked.Message, StringComparison.Ordinal);
            VcsimRecordedCall cancel = Assert.Single(await peer.GetRecordedCallsAsync());
            Assert.Equal(("CancelTask", "ok"), (cancel.Method, cancel.Result));
            Assert.NotEqual(winner.Task!.Value, cancel.Task);
        }

        [Fact]
        public async Task A_question_answered_elsewhere_just_before_our_answer_is_not_an_error_and_the_task_succeeds()
        {
            await using VimClient operatorClient = await this.ConnectThroughAsync(this.Peer.Url);
            ManagedObjectReference vm = await this.VmAsync("serial");
            // An operator in the vSphere client answers "Append" while our policy decides "Replace".
            QuestionPolicy answeredFirstElsewhere = AnsweredFirstBy(operatorClient, vm, "Replace");

            await this.Client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = answeredFirstElsewhere }).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal("poweredOn", await this.PowerStateAsync(vm));
            VcsimRecordedCall[] calls = [.. await this.Peer.GetRecordedCallsAsync()];
            Assert.Equal(2, calls.Length);
            Assert.Equal(("AnswerVM", "0", "ok"), (calls[0].Method, calls[0].AnswerChoice, calls[0].Result));
            Assert.Equal(("AnswerVM", "1", "InvalidArgument:questionId"), (calls[1].Method, calls[1].AnswerChoice, calls[1].Result));
        }

        [Fact]
        public async Task A_pending_question_answered_elsewhere_during_the_precheck_still_starts_no_task()
        {
            await using VimClient operatorClient = await this.ConnectThroughAsync(this.Peer.Url);
            ManagedObjectReference vm = await this.VmAsync("blocked");
            QuestionPolicy answeredFirstElsewhere = AnsweredFirstBy(operatorClient, vm, "Append");

            var blocked = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = answeredFirstElsewhere }));

            Assert.Contains("answered elsewhere", blocked.Message, StringComparison.Ordinal);
            Assert.Null(blocked.AnsweredWith);
            VcsimRecordedCall[] calls = [.. await this.Peer.GetRecordedCallsAsync()];
            Assert.Equal(["ok", "InvalidArgument:questionId"], calls.Select(c => c.Result));
            Assert.Equal("poweredOn", await this.PowerStateAsync(vm)); // the blocked power-on did the work; no second one was started
        }

        /// <summary>A policy answering <paramref name="ours"/>, after <paramref name="other"/> has answered the question with choice 0 (the race's loser is us).</summary>
        private static QuestionPolicy AnsweredFirstBy(VimClient other, ManagedObjectReference vm, string ours) => QuestionPolicy.ByCallback(question =>
        {
            other.Service.AnswerVMAsync(vm, question.Id, "0").WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            return ours;
        });

        /// <summary>Both clients pass the pre-check, then both start a reconfigure of <paramref name="vm"/> at once.</summary>
        private static async Task<(Exception? First, Exception? Second)> RaceAsync(VimClient first, VimClient second, ManagedObjectReference vm)
        {
            int arrived = 0;
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task ArriveAsync()
            {
                if (Interlocked.Increment(ref arrived) == 2)
                {
                    go.SetResult();
                }

                await go.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            Task<object?> a = first.RunTaskAsync(vm, async ct =>
            {
                await ArriveAsync();
                return await first.Service.ReconfigVMTaskAsync(vm, new VirtualMachineConfigSpec(), ct);
            });
            Task<object?> b = second.RunTaskAsync(vm, async ct =>
            {
                await ArriveAsync();
                return await second.Service.ReconfigVMTaskAsync(vm, new VirtualMachineConfigSpec(), ct);
            });
            await ((Task)Task.WhenAll(a, b)).WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Assert.True(a.IsCompleted && b.IsCompleted, "both runs ended");
            return (a.Exception?.InnerException, b.Exception?.InnerException);
        }
    }
}
