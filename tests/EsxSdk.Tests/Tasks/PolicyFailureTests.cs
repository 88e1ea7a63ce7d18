using System;
using System.Threading.Tasks;
using EsxSdk.Tasks;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>A policy that gives no usable answer (none of the choices, or it throws) is an unanswered question like any other.</summary>
    public sealed class PolicyFailureTests : QuestionPeerSession
    {
        private static readonly QuestionPolicy NoSuchChoice = QuestionPolicy.ByCallback(_ => "Maybe");

        [Fact]
        public async Task An_answer_that_is_none_of_the_choices_leaves_a_non_cancelable_power_on_blocked_and_names_it()
        {
            ManagedObjectReference vm = await this.VmAsync("serial");

            var ex = await Assert.ThrowsAsync<VimQuestionException>(() => this.Client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = NoSuchChoice }).WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.False(ex.TaskCanceled);
            Assert.Contains(ex.Task.Value, ex.Message, StringComparison.Ordinal);
            Assert.Contains("left blocked", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'Maybe' is none of the choices", ex.Message, StringComparison.Ordinal);
            Assert.IsType<ArgumentException>(ex.InnerException);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync()); // nothing answered, nothing canceled
        }

        [Fact]
        public async Task An_answer_that_is_none_of_the_choices_cancels_a_cancelable_task()
        {
            ManagedObjectReference vm = await this.VmAsync("cdrom");

            var ex = await Assert.ThrowsAsync<VimQuestionException>(() => this.Client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec(), new VimTaskOptions { Policy = NoSuchChoice }).WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.True(ex.TaskCanceled);
            Assert.Contains("was canceled", ex.Message, StringComparison.Ordinal);
            Assert.IsType<ArgumentException>(ex.InnerException);
            VcsimRecordedCall cancel = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("CancelTask", "ok"), (cancel.Method, cancel.Result));
        }

        [Fact]
        public async Task A_callback_that_throws_in_the_precheck_reports_the_question_and_keeps_the_error()
        {
            ManagedObjectReference vm = await this.VmAsync("blocked");
            var broken = QuestionPolicy.ByCallback(_ => throw new InvalidOperationException("the operator console is unreachable"));

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = broken }));

            Assert.NotNull(ex.Question);
            Assert.Null(ex.AnsweredWith);
            Assert.Contains("the operator console is unreachable", ex.Message, StringComparison.Ordinal);
            Assert.IsType<InvalidOperationException>(ex.InnerException);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }
    }
}
