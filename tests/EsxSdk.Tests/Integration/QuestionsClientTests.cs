using System;
using System.Linq;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Integration
{
    /// <summary>The -questions peer seen through the SDK's own client (typed question, AnswerVM, CancelTask).</summary>
    public sealed class QuestionsClientTests
    {
        [Fact]
        public async Task Typed_question_answer_and_cancel_through_VimClient()
        {
            await using PrivateVcsim vcsim = await PrivateVcsim.StartAsync(new VcsimPeerOptions { Questions = true });
            VimClient client = vcsim.Client;

            ManagedObjectReference serial = await VmOperationsTests.FindAsync(client, "DC0/vm/" + vcsim.Peer.QuestionVms["serial-default1"]);
            ManagedObjectReference task = await client.Service.PowerOnVMTaskAsync(serial);
            VirtualMachineQuestionInfo? question = null;
            for (int i = 0; i < 100 && question is null; i++)
            {
                question = await Properties.GetAsync(client, serial, "runtime.question") as VirtualMachineQuestionInfo;
                await Task.Delay(question is null ? 50 : 0);
            }

            Assert.NotNull(question);
            Assert.Equal("msg.serial.file.open", Assert.Single(question!.Message!).Id);
            Assert.Equal(new[] { "0", "1" }, question.Choice!.ChoiceInfo!.Select(c => c.Key));
            Assert.Equal(1, question.Choice!.DefaultIndex);

            await client.Service.AnswerVMAsync(serial, question.Id!, "1");
            TaskInfo done = await TaskWait.WaitAsync(client, task);
            Assert.Equal(TaskInfoState.Success, done.State);

            ManagedObjectReference cdrom = await VmOperationsTests.FindAsync(client, "DC0/vm/" + vcsim.Peer.QuestionVms["cdrom"]);
            ManagedObjectReference reconfig = await client.Service.ReconfigVMTaskAsync(cdrom, new VirtualMachineConfigSpec { Annotation = "x" });
            await client.Service.CancelTaskAsync(reconfig);
            LocalizedMethodFault error = await TaskWait.FailsAsync(client, reconfig);
            Assert.IsType<RequestCanceled>(error.Fault);

            var calls = await vcsim.Peer.GetRecordedCallsAsync();
            Assert.Equal(new[] { "AnswerVM", "CancelTask" }, calls.Select(c => c.Method));
            Assert.Equal("1", calls[0].AnswerChoice);
            Assert.Equal(reconfig.Value, calls[1].Task);
        }
    }
}
