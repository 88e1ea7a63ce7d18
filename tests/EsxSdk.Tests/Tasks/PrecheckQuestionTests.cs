using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Tasks;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>The pre-check against a peer with staged VM questions (tests/vcsim, -questions): assertions on what reached the wire.</summary>
    public sealed class PrecheckQuestionTests : QuestionPeerSession
    {
        [Fact]
        public async Task Report_policy_fails_with_the_question_its_answers_and_the_blocked_task_and_answers_nothing()
        {
            ManagedObjectReference vm = await this.VmAsync("blocked");

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.EnsureNotBlockedAsync(vm, QuestionPolicy.Report));

            Assert.NotNull(ex.Question);
            Assert.Null(ex.AnsweredWith);
            Assert.Contains(ex.Question.Text, ex.Message, StringComparison.Ordinal);
            Assert.Contains(ex.Question.DescribeChoices(), ex.Message, StringComparison.Ordinal);
            Assert.Contains("No new task was started", ex.Message, StringComparison.Ordinal);
            TaskInfo pending = Assert.Single(ex.PendingTasks);
            Assert.Equal(TaskInfoState.Running, pending.State);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }

        [Fact]
        public async Task Default_policy_answers_with_the_default_on_the_wire_and_still_starts_nothing()
        {
            ManagedObjectReference vm = await this.VmAsync("serial-default1");
            await this.Client.Service.PowerOnVMTaskAsync(vm);
            VimQuestion question = await this.WaitForQuestionAsync(vm);

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.EnsureNotBlockedAsync(vm, QuestionPolicy.AnswerWithDefault));

            Assert.Equal("1", ex.AnsweredWith?.Key);
            Assert.Contains("answered with 1", ex.Message, StringComparison.Ordinal);
            VcsimRecordedCall answer = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("AnswerVM", question.Id, "1", "ok"), (answer.Method, answer.QuestionId, answer.AnswerChoice, answer.Result));
        }

        [Theory]
        [InlineData("serial", "no default choice")]
        [InlineData("nodefault", "no default choice")]
        [InlineData("nochoices", "offers no choices")]
        public async Task Default_policy_refuses_questions_without_a_usable_default(string role, string reason)
        {
            // govmomi omits a defaultIndex of 0 on the wire: "serial" (default Append) arrives without a default.
            ManagedObjectReference vm = await this.VmAsync(role);
            await this.Client.Service.PowerOnVMTaskAsync(vm);
            await this.WaitForQuestionAsync(vm);

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.EnsureNotBlockedAsync(vm, QuestionPolicy.AnswerWithDefault));

            Assert.Null(ex.AnsweredWith);
            Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }

        [Fact]
        public async Task A_pending_task_without_a_question_blocks_and_is_named()
        {
            ManagedObjectReference vm = await this.VmAsync("busy");

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.EnsureNotBlockedAsync(vm, QuestionPolicy.AnswerWithDefault));

            Assert.Null(ex.Question);
            TaskInfo pending = Assert.Single(ex.PendingTasks);
            Assert.Contains(pending.Task!.Value, ex.Message, StringComparison.Ordinal);
            Assert.Contains(pending.DescriptionId ?? pending.Name!, ex.Message, StringComparison.Ordinal);
            Assert.Contains("running", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_policy_by_message_id_answers_by_label()
        {
            ManagedObjectReference vm = await this.VmAsync("serial");
            await this.Client.Service.PowerOnVMTaskAsync(vm);
            await this.WaitForQuestionAsync(vm);
            var policy = QuestionPolicy.ByMessageId(new Dictionary<string, string> { ["msg.serial.file.open"] = "Replace" });

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.EnsureNotBlockedAsync(vm, policy));

            Assert.Equal("1", ex.AnsweredWith?.Key);
            Assert.Equal("1", Assert.Single(await this.Peer.GetRecordedCallsAsync()).AnswerChoice);
        }


        private async Task<VimQuestion> WaitForQuestionAsync(ManagedObjectReference vm)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                IReadOnlyDictionary<string, object?> properties = await this.Client.GetPropertiesAsync(vm, "runtime.question");
                if (properties.GetValueOrDefault("runtime.question") is VirtualMachineQuestionInfo info)
                {
                    return VimQuestion.From(info, vm);
                }

                Assert.True(DateTime.UtcNow < deadline, "no question appeared on " + vm);
                await Task.Delay(50);
            }
        }
    }
}
