using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Xml.Linq;
using EsxSdk.Tests.Support;
using Xunit;

namespace EsxSdk.Tests.Vcsim
{
    /// <summary>One -questions peer shared by <see cref="QuestionsFixtureTests"/>; every test uses its own staged VM.</summary>
    public sealed class QuestionsPeerFixture : IAsyncLifetime
    {
        private VcsimPeer? peer;

        public VcsimPeer Peer => this.peer ?? throw new InvalidOperationException("The vcsim peer has not been started.");

        public string Cookie { get; private set; } = "";

        public async Task InitializeAsync()
        {
            this.peer = await VcsimPeer.StartAsync(new VcsimPeerOptions { Model = VcsimModel.Vpx, Questions = true });
            this.Cookie = await SoapProbe.LoginAsync(this.peer);
        }

        public async Task DisposeAsync()
        {
            if (this.peer is not null)
            {
                await this.peer.DisposeAsync();
            }
        }
    }

    /// <summary>The -questions staging of tests/vcsim/peer, checked on the wire with raw SOAP.</summary>
    public sealed class QuestionsFixtureTests : IClassFixture<QuestionsPeerFixture>
    {
        private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        private readonly VcsimPeer peer;
        private readonly string cookie;

        public QuestionsFixtureTests(QuestionsPeerFixture fixture)
        {
            this.peer = fixture.Peer;
            this.cookie = fixture.Cookie;
        }

        [Fact]
        public void Ready_line_names_every_staged_vm()
        {
            string[] roles = { "serial", "serial-default1", "cdrom", "nodefault", "nochoices", "blocked", "busy", "slow", "racing" };
            Assert.Equal(roles.OrderBy(r => r), this.peer.QuestionVms.Keys.OrderBy(r => r));
            Assert.Equal(roles.Length, this.peer.QuestionVms.Values.Distinct().Count());
        }

        [Theory]
        [InlineData("0")]
        [InlineData("1")]
        public async Task Serial_power_on_blocks_on_question_until_answered(string answer)
        {
            string role = answer == "0" ? "serial" : "serial-default1";
            string vm = await this.FindVmAsync(role);
            Assert.Equal("poweredOff", (await this.PropsAsync("VirtualMachine", vm, "runtime.powerState")).Value("val"));

            string task = await this.StartTaskAsync("PowerOnVM_Task", vm, "");
            XElement question = await this.WaitQuestionAsync(vm);
            Assert.Equal("The serial port output file exists. Append or replace?", question.Element(SoapProbeResponse.Vim25 + "text")?.Value);
            Assert.Equal("msg.serial.file.open", question.Descendants(SoapProbeResponse.Vim25 + "message").Single().Element(SoapProbeResponse.Vim25 + "id")?.Value);
            var choices = question.Descendants(SoapProbeResponse.Vim25 + "choiceInfo").ToList();
            Assert.Equal(new[] { "0", "1" }, choices.Select(c => c.Element(SoapProbeResponse.Vim25 + "key")?.Value));
            Assert.Equal(new[] { "Append", "Replace" }, choices.Select(c => c.Element(SoapProbeResponse.Vim25 + "label")?.Value));
            Assert.All(choices, c => Assert.NotNull(c.Element(SoapProbeResponse.Vim25 + "summary")));
            Assert.All(choices, c => Assert.Equal("ElementDescription", LocalType(c)));

            // govmomi omits a zero int (omitempty): defaultIndex 0 is absent on the wire, 1 is present.
            string? defaultIndex = question.Descendants(SoapProbeResponse.Vim25 + "defaultIndex").SingleOrDefault()?.Value;
            Assert.Equal(answer == "0" ? null : "1", defaultIndex);

            SoapProbeResponse info = await this.PropsAsync("Task", task, "info");
            Assert.Equal("running", Field(info, "state"));
            Assert.Equal("false", Field(info, "cancelable"));
            Assert.Contains(task, await this.RecentTasksAsync(vm));

            // Not cancelable: CancelTask fails with NotSupported and the question stays.
            SoapProbeResponse cancel = await this.PostAsync(CancelTask(task));
            Assert.Equal("NotSupported", cancel.FaultType);

            string questionId = question.Element(SoapProbeResponse.Vim25 + "id")!.Value;
            SoapProbeResponse answered = await this.PostAsync(
                "<AnswerVM xmlns=\"urn:vim25\"><_this type=\"VirtualMachine\">" + vm + "</_this><questionId>" + questionId
                + "</questionId><answerChoice>" + answer + "</answerChoice></AnswerVM>");
            Assert.Null(answered.FaultType);

            Assert.Equal("success", await this.WaitTaskAsync(task));
            Assert.Equal("poweredOn", (await this.PropsAsync("VirtualMachine", vm, "runtime.powerState")).Value("val"));
            Assert.Empty((await this.PropsAsync("VirtualMachine", vm, "runtime.question")).Find("val"));
            Assert.DoesNotContain(task, await this.RecentTasksAsync(vm));

            IReadOnlyList<VcsimRecordedCall> calls = await this.peer.GetRecordedCallsAsync();
            Assert.Contains(calls, c => c.Method == "AnswerVM" && c.Vm == vm && c.QuestionId == questionId && c.AnswerChoice == answer && c.Result == "ok");
            Assert.Contains(calls, c => c.Method == "CancelTask" && c.Task == task && c.Result == "NotSupported");
        }

        [Fact]
        public async Task Cdrom_reconfigure_question_is_cancelable_and_cancel_ends_in_RequestCanceled()
        {
            string vm = await this.FindVmAsync("cdrom");
            string task = await this.StartTaskAsync(
                "ReconfigVM_Task", vm, "<spec><annotation>cdrom</annotation></spec>");
            XElement question = await this.WaitQuestionAsync(vm);
            Assert.Equal("msg.cdromdisconnect.locked", question.Descendants(SoapProbeResponse.Vim25 + "message").Single().Element(SoapProbeResponse.Vim25 + "id")?.Value);
            Assert.Equal(
                new[] { "button.yes", "button.no" },
                question.Descendants(SoapProbeResponse.Vim25 + "choiceInfo").Select(c => c.Element(SoapProbeResponse.Vim25 + "key")?.Value));
            Assert.Empty(question.Descendants(SoapProbeResponse.Vim25 + "defaultIndex"));

            SoapProbeResponse info = await this.PropsAsync("Task", task, "info");
            Assert.Equal("running", Field(info, "state"));
            Assert.Equal("true", Field(info, "cancelable"));
            Assert.Contains(task, await this.RecentTasksAsync(vm));

            SoapProbeResponse cancel = await this.PostAsync(CancelTask(task));
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.Null(cancel.FaultType);

            Assert.Equal("error", await this.WaitTaskAsync(task));
            SoapProbeResponse done = await this.PropsAsync("Task", task, "info.error");
            Assert.Equal("RequestCanceled", LocalType(done.Find("fault").Single()));
            Assert.Empty((await this.PropsAsync("VirtualMachine", vm, "runtime.question")).Find("val"));

            IReadOnlyList<VcsimRecordedCall> calls = await this.peer.GetRecordedCallsAsync();
            Assert.Contains(calls, c => c.Method == "CancelTask" && c.Task == task && c.Vm == vm && c.Result == "ok");
        }

        [Fact]
        public async Task Blocked_vm_has_a_running_power_on_task_with_a_question_at_start_up()
        {
            string vm = await this.FindVmAsync("blocked");
            XElement question = await this.WaitQuestionAsync(vm);
            Assert.Equal("msg.serial.file.open", question.Descendants(SoapProbeResponse.Vim25 + "message").Single().Element(SoapProbeResponse.Vim25 + "id")?.Value);
            string task = Assert.Single(await this.RecentTasksAsync(vm));
            SoapProbeResponse info = await this.PropsAsync("Task", task, "info");
            Assert.Equal("running", Field(info, "state"));
            Assert.Equal("PowerOnVM_Task", Field(info, "name"));
            Assert.Equal(vm, Field(info, "entity"));
        }

        [Fact]
        public async Task Busy_vm_has_a_long_cancelable_task_without_question()
        {
            string vm = await this.FindVmAsync("busy");
            string task = Assert.Single(await this.RecentTasksAsync(vm));
            SoapProbeResponse info = await this.PropsAsync("Task", task, "info");
            Assert.Equal("running", Field(info, "state"));
            Assert.Equal("true", Field(info, "cancelable"));
            Assert.Equal("ReconfigVM_Task", Field(info, "name"));
            Assert.Empty((await this.PropsAsync("VirtualMachine", vm, "runtime.question")).Find("val"));

            // Still running a moment later; then CancelTask ends it with RequestCanceled and empties recentTask.
            await Task.Delay(300);
            Assert.Equal("running", (await this.PropsAsync("Task", task, "info.state")).Value("val"));
            Assert.Null((await this.PostAsync(CancelTask(task))).FaultType);
            Assert.Equal("error", await this.WaitTaskAsync(task));
            Assert.Equal("RequestCanceled", LocalType((await this.PropsAsync("Task", task, "info.error")).Find("fault").Single()));
            Assert.Empty(await this.RecentTasksAsync(vm));

            // A second CancelTask on the finished task: InvalidState, recorded too.
            Assert.Equal("InvalidState", (await this.PostAsync(CancelTask(task))).FaultType);
            IReadOnlyList<VcsimRecordedCall> calls = await this.peer.GetRecordedCallsAsync();
            Assert.Equal(new[] { "ok", "InvalidState" }, calls.Where(c => c.Task == task).Select(c => c.Result));
        }

        [Fact]
        public async Task AnswerVM_with_a_wrong_question_id_or_choice_fails_and_is_recorded()
        {
            string vm = await this.FindVmAsync("blocked");
            XElement question = await this.WaitQuestionAsync(vm);
            string questionId = question.Element(SoapProbeResponse.Vim25 + "id")!.Value;

            SoapProbeResponse wrongId = await this.PostAsync(
                "<AnswerVM xmlns=\"urn:vim25\"><_this type=\"VirtualMachine\">" + vm + "</_this><questionId>nope</questionId>"
                + "<answerChoice>0</answerChoice></AnswerVM>");
            Assert.Equal("InvalidArgument", wrongId.FaultType);
            SoapProbeResponse wrongChoice = await this.PostAsync(
                "<AnswerVM xmlns=\"urn:vim25\"><_this type=\"VirtualMachine\">" + vm + "</_this><questionId>" + questionId
                + "</questionId><answerChoice>7</answerChoice></AnswerVM>");
            Assert.Equal("InvalidArgument", wrongChoice.FaultType);

            // The question and its task are untouched.
            Assert.Equal(questionId, (await this.WaitQuestionAsync(vm)).Element(SoapProbeResponse.Vim25 + "id")!.Value);
            Assert.Single(await this.RecentTasksAsync(vm));
            IReadOnlyList<VcsimRecordedCall> calls = await this.peer.GetRecordedCallsAsync();
            Assert.Contains(calls, c => c.Method == "AnswerVM" && c.Vm == vm && c.QuestionId == "nope" && c.Result == "InvalidArgument:questionId");
            Assert.Contains(calls, c => c.Method == "AnswerVM" && c.Vm == vm && c.AnswerChoice == "7" && c.Result == "InvalidArgument:answerChoice");
        }

        [Theory]
        [InlineData("nodefault")]
        [InlineData("nochoices")]
        public async Task Other_question_shapes_reach_the_wire(string role)
        {
            string vm = await this.FindVmAsync(role);
            string task = await this.StartTaskAsync("PowerOnVM_Task", vm, "");
            XElement question = await this.WaitQuestionAsync(vm);
            Assert.NotEqual("The serial port output file exists. Append or replace?", question.Element(SoapProbeResponse.Vim25 + "text")?.Value);
            Assert.Empty(question.Descendants(SoapProbeResponse.Vim25 + "defaultIndex"));
            int choices = question.Descendants(SoapProbeResponse.Vim25 + "choiceInfo").Count();
            Assert.Equal(role == "nodefault" ? 2 : 0, choices);
            Assert.Equal("running", (await this.PropsAsync("Task", task, "info.state")).Value("val"));

            string questionId = question.Element(SoapProbeResponse.Vim25 + "id")!.Value;
            string answer = role == "nodefault" ? "1" : "ok";
            SoapProbeResponse answered = await this.PostAsync(
                "<AnswerVM xmlns=\"urn:vim25\"><_this type=\"VirtualMachine\">" + vm + "</_this><questionId>" + questionId
                + "</questionId><answerChoice>" + answer + "</answerChoice></AnswerVM>");
            Assert.Null(answered.FaultType);
            Assert.Equal("success", await this.WaitTaskAsync(task));
        }

        private static string CancelTask(string task) =>
            "<CancelTask xmlns=\"urn:vim25\"><_this type=\"Task\">" + task + "</_this></CancelTask>";

        /// <summary>A child of the single returned property value (TaskInfo.state, say).</summary>
        private static string? Field(SoapProbeResponse response, string name) =>
            response.Find("val").Single().Element(SoapProbeResponse.Vim25 + name)?.Value;

        private static string? LocalType(XElement element)
        {
            string? type = (string?)element.Attribute(Xsi + "type");
            return type?.Substring(type.IndexOf(':', StringComparison.Ordinal) + 1);
        }

        private Task<SoapProbeResponse> PostAsync(string body) => SoapProbe.PostAsync(this.peer, body, this.cookie);

        private Task<SoapProbeResponse> PropsAsync(string type, string value, params string[] paths) =>
            this.PostAsync(SoapProbe.RetrieveProperties("propertyCollector", type, value, paths));

        private async Task<string> FindVmAsync(string role)
        {
            string name = this.peer.QuestionVms[role];
            SoapProbeResponse found = await this.PostAsync(
                "<FindByInventoryPath xmlns=\"urn:vim25\"><_this type=\"SearchIndex\">SearchIndex</_this><inventoryPath>DC0/vm/"
                + name + "</inventoryPath></FindByInventoryPath>");
            Assert.True(found.ReturnValue is not null, "VM " + name + " not found: " + found);
            return found.ReturnValue!.Value;
        }

        private async Task<string> StartTaskAsync(string method, string vm, string arguments)
        {
            SoapProbeResponse started = await this.PostAsync(
                "<" + method + " xmlns=\"urn:vim25\"><_this type=\"VirtualMachine\">" + vm + "</_this>" + arguments + "</" + method + ">");
            Assert.True(started.ReturnValue is not null, method + " failed: " + started);
            return started.ReturnValue!.Value;
        }

        private async Task<List<string>> RecentTasksAsync(string vm) =>
            (await this.PropsAsync("VirtualMachine", vm, "recentTask")).Find("ManagedObjectReference").Select(e => e.Value).ToList();

        private async Task<XElement> WaitQuestionAsync(string vm)
        {
            for (int i = 0; i < 100; i++)
            {
                XElement? val = (await this.PropsAsync("VirtualMachine", vm, "runtime.question")).Find("val").SingleOrDefault();
                if (val is not null)
                {
                    Assert.Equal("VirtualMachineQuestionInfo", LocalType(val));
                    return val;
                }

                await Task.Delay(50);
            }

            throw new Xunit.Sdk.XunitException("No question on " + vm + " within 5 s");
        }

        private async Task<string> WaitTaskAsync(string task)
        {
            for (int i = 0; i < 100; i++)
            {
                string state = (await this.PropsAsync("Task", task, "info.state")).Value("val");
                if (state is "success" or "error")
                {
                    return state;
                }

                await Task.Delay(50);
            }

            throw new Xunit.Sdk.XunitException("Task " + task + " still running after 5 s");
        }
    }
}
