using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Tasks;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    public sealed class QuestionPolicyTests
    {
        [Fact]
        public void A_question_is_described_with_its_text_answers_and_default()
        {
            VimQuestion question = Serial(defaultIndex: 0);

            Assert.Equal("_vmx1", question.Id);
            Assert.Equal(["msg.serial.file.open"], question.MessageIds);
            Assert.Equal("0", question.DefaultChoice?.Key);
            Assert.Equal("'The serial port output file exists. Append or replace?' (question _vmx1; answers: 0 (Append) [default], 1 (Replace))", question.ToString());
        }

        [Fact]
        public void Without_defaultIndex_on_the_wire_there_is_no_default()
        {
            Assert.Null(Serial(defaultIndex: null).DefaultChoice);
            Assert.Null(Serial(defaultIndex: 7).DefaultChoice);
        }

        [Fact]
        public void Report_never_answers_and_says_why()
        {
            QuestionDecision decision = QuestionPolicy.Report.Decide(Serial(0));

            Assert.False(decision.Answers);
            Assert.Contains("auto_answer=0", decision.Reason, StringComparison.Ordinal);
            Assert.Same(QuestionPolicy.Report, QuestionPolicy.FromAutoAnswer(false));
        }

        [Fact]
        public void AnswerWithDefault_takes_the_default_and_refuses_without_choices_or_default()
        {
            Assert.Equal("1", QuestionPolicy.AnswerWithDefault.Decide(Serial(1)).Choice?.Key);
            Assert.Contains("no default choice", QuestionPolicy.AnswerWithDefault.Decide(Serial(null)).Reason, StringComparison.Ordinal);
            Assert.Contains("no choices", QuestionPolicy.AnswerWithDefault.Decide(VimQuestion.From(new VirtualMachineQuestionInfo { Id = "q", Text = "Stuck" })).Reason, StringComparison.Ordinal);
            Assert.Same(QuestionPolicy.AnswerWithDefault, QuestionPolicy.FromAutoAnswer(true));
        }

        [Theory]
        [InlineData("button.uuid.copiedTheVM")]
        [InlineData("I Copied It")]
        [InlineData("i copied it")]
        [InlineData("The VM was copied")]
        public void An_answer_names_a_choice_by_key_label_or_summary(string answer)
        {
            VimQuestion question = UuidAltered();

            QuestionDecision decision = QuestionPolicy.ByMessageId(new Dictionary<string, string> { ["msg.uuid.altered"] = answer }).Decide(question);

            Assert.Equal("button.uuid.copiedTheVM", decision.Choice?.Key);
            Assert.Contains("msg.uuid.altered", decision.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void An_answer_matching_no_choice_is_an_error_listing_the_valid_ones()
        {
            var policy = QuestionPolicy.ByMessageId(new Dictionary<string, string> { ["msg.uuid.altered"] = "Keep" });

            var ex = Assert.Throws<ArgumentException>(() => policy.Decide(UuidAltered()));

            Assert.Contains("'Keep'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("button.uuid.movedTheVM (I Moved It)", ex.Message, StringComparison.Ordinal);
            Assert.Contains("button.uuid.copiedTheVM (I Copied It) [default]", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_ambiguous_answer_is_an_error_not_a_guess()
        {
            var info = new VirtualMachineQuestionInfo
            {
                Id = "q",
                Text = "Which?",
                Choice = new ChoiceOption { ChoiceInfo = [Choice("a", "Same", "first"), Choice("b", "Same", "second")] },
            };

            var ex = Assert.Throws<ArgumentException>(() => VimQuestion.From(info).Resolve("same"));

            Assert.Contains("several choices", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Policies_fall_back_for_questions_they_do_not_cover()
        {
            var byId = QuestionPolicy.ByMessageId(new Dictionary<string, string> { ["msg.uuid.altered"] = "button.uuid.movedTheVM" }, QuestionPolicy.AnswerWithDefault);
            var byCallback = QuestionPolicy.ByCallback(q => q.MessageIds.Contains("msg.uuid.altered") ? "I Moved It" : null);

            Assert.Equal("1", byId.Decide(Serial(1)).Choice?.Key);
            Assert.Equal("button.uuid.movedTheVM", byCallback.Decide(UuidAltered()).Choice?.Key);
            Assert.False(byCallback.Decide(Serial(0)).Answers);
        }

        private static VimQuestion Serial(int? defaultIndex) => VimQuestion.From(new VirtualMachineQuestionInfo
        {
            Id = "_vmx1",
            Text = "The serial port output file exists. Append or replace?",
            Message = [new VirtualMachineMessage { Id = "msg.serial.file.open", Text = "exists" }],
            Choice = new ChoiceOption { ChoiceInfo = [Choice("0", "Append", "Append"), Choice("1", "Replace", "Replace")], DefaultIndex = defaultIndex },
        });

        private static VimQuestion UuidAltered() => VimQuestion.From(new VirtualMachineQuestionInfo
        {
            Id = "_vmx2",
            Text = "This virtual machine might have been moved or copied.",
            Message = [new VirtualMachineMessage { Id = "msg.uuid.altered" }],
            Choice = new ChoiceOption
            {
                ChoiceInfo = [Choice("button.uuid.cancel", "Cancel", "Cancel"), Choice("button.uuid.movedTheVM", "I Moved It", "The VM was moved"), Choice("button.uuid.copiedTheVM", "I Copied It", "The VM was copied")],
                DefaultIndex = 2,
            },
        });

        private static ElementDescription Choice(string key, string label, string summary) => new() { Key = key, Label = label, Summary = summary };
    }
}
