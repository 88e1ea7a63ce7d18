using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Tasks;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>The runner against a peer with staged VM questions: what reached the wire is asserted from the peer's records.</summary>
    public sealed class TaskRunnerTests : QuestionPeerSession
    {
        [Fact]
        public async Task A_question_during_power_on_is_answered_with_its_default_under_auto_answer_and_the_task_succeeds()
        {
            ManagedObjectReference vm = await this.VmAsync("serial-default1");
            var progress = new List<VimTaskProgress>();

            await this.Client.RunTaskAsync(vm, ct => this.Client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct), new VimTaskOptions { Policy = QuestionPolicy.AnswerWithDefault, Progress = new SyncProgress(progress) });

            VcsimRecordedCall answer = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("AnswerVM", "1", "ok"), (answer.Method, answer.AnswerChoice, answer.Result));
            Assert.Equal("poweredOn", await this.PowerStateAsync(vm));
            Assert.NotEmpty(progress);
        }

        [Fact]
        public async Task Under_report_a_non_cancelable_task_is_left_blocked_and_named()
        {
            ManagedObjectReference vm = await this.VmAsync("serial");

            var ex = await Assert.ThrowsAsync<VimQuestionException>(() => this.Client.RunTaskAsync(vm, ct => this.Client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct), new VimTaskOptions { Policy = QuestionPolicy.Report }));

            Assert.False(ex.TaskCanceled);
            Assert.Contains("left blocked", ex.Message, StringComparison.Ordinal);
            Assert.Contains(ex.Task.Value, ex.Message, StringComparison.Ordinal);
            Assert.Contains("0 (Append)", ex.Message, StringComparison.Ordinal);
            Assert.Contains("1 (Replace)", ex.Message, StringComparison.Ordinal);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }

        [Fact]
        public async Task Under_report_a_cancelable_task_blocked_by_a_question_is_canceled_on_the_server()
        {
            ManagedObjectReference vm = await this.VmAsync("cdrom");

            var ex = await Assert.ThrowsAsync<VimQuestionException>(() => this.Client.RunTaskAsync(vm, ct => this.Client.Service.ReconfigVMTaskAsync(vm, new VirtualMachineConfigSpec(), ct), new VimTaskOptions { Policy = QuestionPolicy.Report }));

            Assert.True(ex.TaskCanceled);
            Assert.Contains("msg.cdromdisconnect.locked", string.Join(",", ex.Question.MessageIds), StringComparison.Ordinal);
            VcsimRecordedCall cancel = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("CancelTask", ex.Task.Value, "ok"), (cancel.Method, cancel.Task, cancel.Result));
        }

        [Fact]
        public async Task A_question_on_the_tasks_entity_is_seen_when_the_caller_named_no_vm()
        {
            ManagedObjectReference vm = await this.VmAsync("serial-default1");

            // No targets: nothing is pre-checked and no VM is watched until the task's info names its entity.
            // The time-out turns a missed question into a failure instead of a hang.
            await this.Client.RunTaskAsync([], ct => this.Client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct), new VimTaskOptions { Policy = QuestionPolicy.AnswerWithDefault, Timeout = TimeSpan.FromSeconds(30) });

            VcsimRecordedCall answer = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("AnswerVM", vm.Value, "1"), (answer.Method, answer.Vm, answer.AnswerChoice));
        }

        [Fact]
        public async Task A_task_on_a_blocked_VM_is_not_started()
        {
            ManagedObjectReference vm = await this.VmAsync("blocked");
            bool started = false;

            await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.RunTaskAsync(vm, ct => { started = true; return this.Client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct); }));

            Assert.False(started);
        }


        private sealed class SyncProgress(List<VimTaskProgress> sink) : IProgress<VimTaskProgress>
        {
            public void Report(VimTaskProgress value)
            {
                lock (sink)
                {
                    sink.Add(value);
                }
            }
        }
    }
}
