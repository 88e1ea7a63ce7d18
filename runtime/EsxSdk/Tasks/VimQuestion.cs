using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>One possible answer to a VM question: what AnswerVM takes (<see cref="Key"/>) and what people read.</summary>
    /// <param name="Key">The choice's key (<c>ElementDescription.key</c>), the value AnswerVM's <c>answerChoice</c> takes, e.g. <c>button.yes</c> or <c>0</c>.</param>
    /// <param name="Label">The short text the vSphere client shows on the button, e.g. <c>Yes</c>; empty when the server sent none.</param>
    /// <param name="Summary">The longer description of the choice; empty when the server sent none.</param>
    public sealed record VimQuestionChoice(string Key, string Label, string Summary)
    {
        /// <summary>"key (label)" or just the key when the label says the same.</summary>
        public override string ToString() => this.Label.Length == 0 || this.Label == this.Key ? this.Key : this.Key + " (" + this.Label + ")";
    }

    /// <summary>
    /// A question the host asks about a VM (<c>runtime.question</c>), in a form that is easy to report and
    /// answer: the text, the message ids (e.g. <c>msg.uuid.altered</c>), the choices and the default, if any.
    /// </summary>
    public sealed record VimQuestion
    {
        private VimQuestion(ManagedObjectReference? vm, string id, string text, IReadOnlyList<string> messageIds, IReadOnlyList<VimQuestionChoice> choices, VimQuestionChoice? defaultChoice)
        {
            this.VirtualMachine = vm;
            this.Id = id;
            this.Text = text;
            this.MessageIds = messageIds;
            this.Choices = choices;
            this.DefaultChoice = defaultChoice;
        }

        /// <summary>The VM asking, when known.</summary>
        public ManagedObjectReference? VirtualMachine { get; }

        /// <summary>The question id AnswerVM needs.</summary>
        public string Id { get; }

        /// <summary>The question text as the host wrote it.</summary>
        public string Text { get; }

        /// <summary>The ids of the question's messages (e.g. <c>msg.uuid.altered</c>): stable across locales, unlike the text.</summary>
        public IReadOnlyList<string> MessageIds { get; }

        /// <summary>The possible answers, in the host's order.</summary>
        public IReadOnlyList<VimQuestionChoice> Choices { get; }

        /// <summary>
        /// The default answer, or null when the question has none. A question without <c>defaultIndex</c> on
        /// the wire has no default (some servers omit a default of 0: such a question cannot be auto-answered).
        /// </summary>
        public VimQuestionChoice? DefaultChoice { get; }

        /// <summary>Wraps a <see cref="VirtualMachineQuestionInfo"/>.</summary>
        public static VimQuestion From(VirtualMachineQuestionInfo info, ManagedObjectReference? vm = null)
        {
            ArgumentNullException.ThrowIfNull(info);
            VimQuestionChoice[] choices = [.. (info.Choice?.ChoiceInfo ?? []).Select(c => new VimQuestionChoice(c.Key ?? string.Empty, c.Label ?? string.Empty, c.Summary ?? string.Empty))];
            VimQuestionChoice? defaultChoice = info.Choice?.DefaultIndex is int index && index >= 0 && index < choices.Length ? choices[index] : null;
            string[] messageIds = [.. info.Message.Select(m => m.Id).OfType<string>()];
            return new VimQuestion(vm, info.Id ?? string.Empty, info.Text ?? string.Empty, messageIds, choices, defaultChoice);
        }

        /// <summary>
        /// The choice an answer names: by key first, then by label, then by summary (case-insensitive), each
        /// only when unambiguous. An answer that matches nothing, or several, is an error listing the valid ones.
        /// </summary>
        public VimQuestionChoice Resolve(string answer)
        {
            ArgumentNullException.ThrowIfNull(answer);
            string wanted = answer.Trim();
            VimQuestionChoice? byKey = this.Choices.FirstOrDefault(c => string.Equals(c.Key, wanted, StringComparison.Ordinal));
            if (byKey is not null)
            {
                return byKey;
            }

            foreach (Func<VimQuestionChoice, string> field in new Func<VimQuestionChoice, string>[] { c => c.Key, c => c.Label, c => c.Summary })
            {
                VimQuestionChoice[] matches = [.. this.Choices.Where(c => string.Equals(field(c), wanted, StringComparison.OrdinalIgnoreCase))];
                if (matches.Length == 1)
                {
                    return matches[0];
                }

                if (matches.Length > 1)
                {
                    throw new ArgumentException("The answer '" + answer + "' matches several choices (" + string.Join(", ", matches.Select(c => c.ToString())) + ") of the question '" + this.Text + "'; name one by its key.", nameof(answer));
                }
            }

            throw new ArgumentException("The answer '" + answer + "' is none of the choices of the question '" + this.Text + "': " + this.DescribeChoices() + ".", nameof(answer));
        }

        /// <summary>The choices as "key (label)", the default marked, for messages.</summary>
        public string DescribeChoices() => this.Choices.Count == 0
            ? "it offers no choices"
            : string.Join(", ", this.Choices.Select(c => c == this.DefaultChoice ? c + " [default]" : c.ToString()));

        /// <summary>The text, the choices and the default, as one line for errors and logs.</summary>
        public override string ToString() => "'" + this.Text + "' (question " + this.Id + "; answers: " + this.DescribeChoices() + (this.DefaultChoice is null ? "; no default" : string.Empty) + ")";
    }
}
