using System;
using System.Collections.Generic;
using System.Linq;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// How the task runner treats a VM question: report it (auto_answer=0, the default), answer with the
    /// default choice (auto_answer=1), answer by message id, or ask a callback; the latter two fall back to
    /// another policy for questions they do not cover.
    /// </summary>
    public abstract class QuestionPolicy
    {
        private QuestionPolicy()
        {
        }

        /// <summary>auto_answer=0: never answer; the runner fails with the question and its answers.</summary>
        public static QuestionPolicy Report { get; } = new ReportPolicy();

        /// <summary>auto_answer=1: answer with the question's default choice; a question without choices or default is an error.</summary>
        public static QuestionPolicy AnswerWithDefault { get; } = new DefaultPolicy();

        /// <summary>The policy a URI's <c>auto_answer</c> flag names.</summary>
        public static QuestionPolicy FromAutoAnswer(bool autoAnswer) => autoAnswer ? AnswerWithDefault : Report;

        /// <summary>
        /// Answers questions by the id of one of their messages (e.g. <c>msg.uuid.altered</c> -> <c>button.uuid.copiedTheVM</c>);
        /// an answer names a choice by key, label or summary. Other questions go to <paramref name="fallback"/>.
        /// </summary>
        public static QuestionPolicy ByMessageId(IReadOnlyDictionary<string, string> answers, QuestionPolicy? fallback = null)
        {
            ArgumentNullException.ThrowIfNull(answers);
            return new MessageIdPolicy(new Dictionary<string, string>(answers, StringComparer.Ordinal), fallback ?? Report);
        }

        /// <summary>Asks <paramref name="choose"/>; a null answer hands the question to <paramref name="fallback"/>.</summary>
        public static QuestionPolicy ByCallback(Func<VimQuestion, string?> choose, QuestionPolicy? fallback = null)
        {
            ArgumentNullException.ThrowIfNull(choose);
            return new CallbackPolicy(choose, fallback ?? Report);
        }

        /// <summary>Decides what to do with a question: the choice to answer with, or why not to answer.</summary>
        public abstract QuestionDecision Decide(VimQuestion question);

        private sealed class ReportPolicy : QuestionPolicy
        {
            public override QuestionDecision Decide(VimQuestion question)
                => QuestionDecision.Refuse("the question policy is to report questions (auto_answer=0)");

            public override string ToString() => "report (auto_answer=0)";
        }

        private sealed class DefaultPolicy : QuestionPolicy
        {
            public override QuestionDecision Decide(VimQuestion question) => question switch
            {
                { Choices.Count: 0 } => QuestionDecision.Refuse("it cannot be answered with its default (auto_answer=1): it offers no choices"),
                { DefaultChoice: null } => QuestionDecision.Refuse("it cannot be answered with its default (auto_answer=1): it has no default choice"),
                _ => QuestionDecision.Answer(question.DefaultChoice, "its default (auto_answer=1)"),
            };

            public override string ToString() => "answer with the default (auto_answer=1)";
        }

        private sealed class MessageIdPolicy(Dictionary<string, string> answers, QuestionPolicy fallback) : QuestionPolicy
        {
            public override QuestionDecision Decide(VimQuestion question)
            {
                string? messageId = question.MessageIds.FirstOrDefault(answers.ContainsKey);
                return messageId is null
                    ? fallback.Decide(question)
                    : QuestionDecision.Answer(question.Resolve(answers[messageId]), "the answer configured for " + messageId);
            }
        }

        private sealed class CallbackPolicy(Func<VimQuestion, string?> choose, QuestionPolicy fallback) : QuestionPolicy
        {
            public override QuestionDecision Decide(VimQuestion question)
                => choose(question) is { } answer ? QuestionDecision.Answer(question.Resolve(answer), "the callback's answer") : fallback.Decide(question);
        }
    }

    /// <summary>A policy's decision: answer with <see cref="Choice"/>, or do not answer because of <see cref="Reason"/>.</summary>
    /// <param name="Choice">The choice to answer with; null when the policy does not answer.</param>
    /// <param name="Reason">Why: logged with an answer, quoted in the error when the question is not answered.</param>
    public sealed record QuestionDecision(VimQuestionChoice? Choice, string Reason)
    {
        /// <summary>Whether to answer.</summary>
        public bool Answers => this.Choice is not null;

        /// <summary>Answer with <paramref name="choice"/>.</summary>
        public static QuestionDecision Answer(VimQuestionChoice choice, string why) => new(choice ?? throw new ArgumentNullException(nameof(choice)), why);

        /// <summary>Do not answer.</summary>
        public static QuestionDecision Refuse(string why) => new(null, why);
    }
}
