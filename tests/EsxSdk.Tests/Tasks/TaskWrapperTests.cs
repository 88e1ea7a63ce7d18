using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tasks;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>
    /// The generated wrappers (PowerOnVMAsync, ReconfigVMAsync, PowerOnMultiVMAsync) against the question peer:
    /// the policy comes from the client's URI unless the call gives one; the wire is asserted from the peer's records.
    /// </summary>
    public sealed class TaskWrapperTests : QuestionPeerSession
    {
        protected override VcsimPeerOptions PeerOptions => new() { Questions = true, BusyTaskDuration = TimeSpan.FromSeconds(20) };

        [Fact]
        public async Task Auto_answer_1_in_the_uri_answers_the_power_on_question_with_its_default_and_logs_it()
        {
            var logger = new CollectingLogger();
            await using VimClient autoAnswer = await this.ConnectAsync("?auto_answer=1", logger);
            ManagedObjectReference vm = await this.VmAsync("serial-default1");

            await autoAnswer.Service.PowerOnVMAsync(vm);

            VcsimRecordedCall answer = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("AnswerVM", vm.Value, "1", "ok"), (answer.Method, answer.Vm, answer.AnswerChoice, answer.Result));
            Assert.Equal("poweredOn", await this.PowerStateAsync(vm));
            LogEntry logged = Assert.Single(logger.Entries, e => e.EventName == "QuestionAnswered");
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, logged.Level);
            Assert.Contains("The serial port output file exists", logged.Value("Question"), StringComparison.Ordinal);
            Assert.Contains("0 (Append)", logged.Value("Question"), StringComparison.Ordinal);
            Assert.Equal("1 (Replace)", logged.Value("Choice"));
        }

        [Fact]
        public async Task The_default_policy_reports_the_question_with_its_answers_and_leaves_power_on_blocked()
        {
            ManagedObjectReference vm = await this.VmAsync("serial-default1");

            var ex = await Assert.ThrowsAsync<VimQuestionException>(() => this.Client.Service.PowerOnVMAsync(vm));

            Assert.False(ex.TaskCanceled);
            Assert.Contains("The serial port output file exists", ex.Message, StringComparison.Ordinal);
            Assert.Contains("0 (Append)", ex.Message, StringComparison.Ordinal);
            Assert.Contains("1 (Replace)", ex.Message, StringComparison.Ordinal);
            Assert.Contains("left blocked", ex.Message, StringComparison.Ordinal);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal("poweredOff", await this.PowerStateAsync(vm));
        }

        [Fact]
        public async Task A_per_call_policy_overrides_the_clients()
        {
            await using VimClient autoAnswer = await this.ConnectAsync("?auto_answer=1");
            ManagedObjectReference vm = await this.VmAsync("serial-default1");

            await Assert.ThrowsAsync<VimQuestionException>(() => autoAnswer.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = QuestionPolicy.Report }));

            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }

        [Fact]
        public async Task Auto_answer_fails_saying_so_when_the_question_has_no_default_on_the_wire()
        {
            await using VimClient autoAnswer = await this.ConnectAsync("?auto_answer=1");
            ManagedObjectReference vm = await this.VmAsync("serial");

            var ex = await Assert.ThrowsAsync<VimQuestionException>(() => autoAnswer.Service.PowerOnVMAsync(vm));

            Assert.Contains("no default", ex.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }

        [Fact]
        public async Task A_cancelable_reconfigure_blocked_by_a_question_is_canceled_under_the_default_policy()
        {
            ManagedObjectReference vm = await this.VmAsync("cdrom");

            var ex = await Assert.ThrowsAsync<VimQuestionException>(() => this.Client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec()));

            Assert.True(ex.TaskCanceled);
            VcsimRecordedCall cancel = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("CancelTask", ex.Task.Value, "ok"), (cancel.Method, cancel.Task, cancel.Result));
        }

        [Fact]
        public async Task A_wrapper_on_a_vm_with_a_pending_question_starts_no_task()
        {
            ManagedObjectReference vm = await this.VmAsync("blocked");
            int tasksBefore = (await this.RecentTasksAsync(vm)).Length;

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.Service.PowerOnVMAsync(vm));

            Assert.NotNull(ex.Question);
            Assert.Null(ex.AnsweredWith);
            Assert.Equal(tasksBefore, (await this.RecentTasksAsync(vm)).Length);
        }

        [Fact]
        public async Task A_wrapper_on_a_vm_with_a_pending_task_names_it_and_starts_nothing()
        {
            ManagedObjectReference vm = await this.VmAsync("busy");

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec()));

            TaskInfo pending = Assert.Single(ex.PendingTasks);
            Assert.Contains(pending.Task!.Value, ex.Message, StringComparison.Ordinal);
            Assert.Contains("VirtualMachine.reconfigure", ex.Message, StringComparison.Ordinal);
            Assert.Single(await this.RecentTasksAsync(vm));
        }

        [Fact]
        public async Task A_start_refused_at_once_with_QuestionPending_is_reported_as_the_pending_question()
        {
            ManagedObjectReference vm = await this.VmAsync("racing");

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.Service.PowerOnVMAsync(vm));

            Assert.Contains("msg.serial.file.open", ex.Question!.MessageIds);
            Assert.Contains("The serial port output file exists", ex.Message, StringComparison.Ordinal);
            Assert.Null(ex.AnsweredWith);
            Assert.Empty(await this.Peer.GetRecordedCallsAsync());
        }

        [Fact]
        public async Task PowerOnMultiVM_prechecks_every_vm_in_its_list()
        {
            ManagedObjectReference blocked = await this.VmAsync("blocked");
            ManagedObjectReference serial = await this.VmAsync("serial-default1");
            ManagedObjectReference datacenter = (await this.Client.FindByInventoryPathAsync("DC0"))!;

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.Service.PowerOnMultiVMAsync(datacenter, [serial, blocked]));

            Assert.Equal(blocked, ex.Target);
            Assert.Empty(await this.RecentTasksAsync(serial));
            Assert.Equal("poweredOff", await this.PowerStateAsync(serial));
        }

        [Fact]
        public async Task Answering_in_the_precheck_fails_by_default_and_starts_nothing()
        {
            ManagedObjectReference vm = await this.VmAsync("blocked");
            var byMessage = QuestionPolicy.ByMessageId(new Dictionary<string, string> { ["msg.serial.file.open"] = "Append" });

            var ex = await Assert.ThrowsAsync<VimBlockedException>(() => this.Client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = byMessage }));

            Assert.Equal("0", ex.AnsweredWith?.Key);
            VcsimRecordedCall answer = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("AnswerVM", "0", "ok"), (answer.Method, answer.AnswerChoice, answer.Result));
        }

        [Fact]
        public async Task With_WaitForBlockedTask_the_answered_task_is_waited_for_and_its_outcome_returned()
        {
            ManagedObjectReference vm = await this.VmAsync("blocked");
            string blockedTask = Assert.Single(await this.RecentTasksAsync(vm)).Value;
            var byMessage = QuestionPolicy.ByMessageId(new Dictionary<string, string> { ["msg.serial.file.open"] = "Append" });

            await this.Client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = byMessage, WaitForBlockedTask = true });

            Assert.Equal("poweredOn", await this.PowerStateAsync(vm));
            Assert.Equal("AnswerVM", Assert.Single(await this.Peer.GetRecordedCallsAsync()).Method);
            TaskInfo info = (TaskInfo)(await this.Client.GetPropertiesAsync(new ManagedObjectReference("Task", blockedTask), "info"))["info"]!;
            Assert.Equal(TaskInfoState.Success, info.State);
        }

        [Fact]
        public async Task Cancelling_the_token_cancels_a_cancelable_task_on_the_server_and_stops_waiting()
        {
            ManagedObjectReference vm = await this.VmAsync("slow");
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => this.Client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec(), cancellationToken: cancel.Token));

            VcsimRecordedCall call = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("CancelTask", "ok"), (call.Method, call.Result));
        }

        [Fact]
        public async Task The_overall_timeout_cancels_a_cancelable_task_and_says_so()
        {
            ManagedObjectReference vm = await this.VmAsync("slow");

            var ex = await Assert.ThrowsAsync<TimeoutException>(() => this.Client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec(), new VimTaskOptions { Timeout = TimeSpan.FromSeconds(2) }));

            Assert.Contains("it was canceled", ex.Message, StringComparison.Ordinal);
            Assert.Equal("CancelTask", Assert.Single(await this.Peer.GetRecordedCallsAsync()).Method);
        }

        [Fact]
        public async Task A_callback_answer_given_by_label_reaches_the_wire_as_the_choice_key()
        {
            ManagedObjectReference vm = await this.VmAsync("serial");
            var replace = QuestionPolicy.ByCallback(question => question.MessageIds.Contains("msg.serial.file.open") ? "Replace" : null);

            await this.Client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = replace });

            VcsimRecordedCall answer = Assert.Single(await this.Peer.GetRecordedCallsAsync());
            Assert.Equal(("AnswerVM", "1", "ok"), (answer.Method, answer.AnswerChoice, answer.Result));
            Assert.Equal("poweredOn", await this.PowerStateAsync(vm));
        }

        private async Task<VimClient> ConnectAsync(string query, CollectingLogger? logger = null)
            => await VimClient.ConnectAsync(this.Peer.Url + query, new NetworkCredential(this.Peer.User, this.Peer.Password), new VimClientOptions { Logger = logger });
    }
}
