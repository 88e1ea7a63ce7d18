using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// The check to run before starting any task on a target: a pending VM question or a queued or running
    /// task means the new task is not started. Public so that code starting tasks by hand can call it.
    /// </summary>
    public static class VimTaskPrecheck
    {
        /// <summary>
        /// Throws <see cref="VimBlockedException"/> when <paramref name="target"/> has a pending question
        /// (reported under <see cref="QuestionPolicy.Report"/>; answered under an answering policy, and still
        /// not free: the blocked task may now do the work) or a pending task (named with its state and progress).
        /// </summary>
        [VimTaskPrecheck]
        public static async Task EnsureNotBlockedAsync(this VimClient client, ManagedObjectReference target, QuestionPolicy? policy = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(target);
            policy ??= QuestionPolicy.FromAutoAnswer(client.AutoAnswer);
            bool isVm = target.Type == "VirtualMachine";
            IReadOnlyDictionary<string, object?> properties = await client.GetPropertiesAsync(target, isVm ? ["runtime.question", "recentTask"] : ["recentTask"]).ConfigureAwait(false);
            TaskInfo[] pending = await PendingTasksAsync(client, properties.GetValueOrDefault("recentTask") as ManagedObjectReference[] ?? [], cancellationToken).ConfigureAwait(false);

            if (properties.GetValueOrDefault("runtime.question") is VirtualMachineQuestionInfo info)
            {
                var question = VimQuestion.From(info, target);
                QuestionDecision decision = policy.Decide(question);
                if (decision.Choice is { } choice)
                {
                    await client.AnswerAsync(target, question, choice, decision.Reason, cancellationToken).ConfigureAwait(false);

                    throw new VimBlockedException(
                        target + " had a pending question " + question + "; it was answered with " + choice + " (" + decision.Reason + "). No new task was started: the blocked task " + Describe(pending) + " may now do the work.",
                        target,
                        question,
                        choice,
                        pending);
                }

                throw new VimBlockedException(
                    target + " is blocked by the question " + question + "; " + decision.Reason + ". No new task was started" + (pending.Length > 0 ? "; blocked: " + Describe(pending) : string.Empty) + ". Answer it (AnswerVM) or use an answering policy.",
                    target,
                    question,
                    null,
                    pending);
            }

            if (pending.Length > 0)
            {
                throw new VimBlockedException(target + " has a pending task: " + Describe(pending) + ". No new task was started.", target, null, null, pending);
            }
        }

        /// <summary>Answers <paramref name="question"/> on <paramref name="vm"/> (AnswerVM) and logs it at Information.</summary>
        internal static async Task AnswerAsync(this VimClient client, ManagedObjectReference vm, VimQuestion question, VimQuestionChoice choice, string reason, CancellationToken cancellationToken)
        {
            await client.Service.AnswerVMAsync(vm, question.Id, choice.Key, cancellationToken).ConfigureAwait(false);
            if (client.Logger is { } logger)
            {
                VimClientLog.QuestionAnswered(logger, question.ToString(), vm.ToString(), choice.ToString(), reason);
            }
        }

        private static async Task<TaskInfo[]> PendingTasksAsync(VimClient client, ManagedObjectReference[] tasks, CancellationToken cancellationToken)
        {
            if (tasks.Length == 0)
            {
                return [];
            }

            var spec = new PropertyFilterSpec
            {
                PropSet = [new PropertySpec { Type = "Task", PathSet = ["info"] }],
                ObjectSet = [.. tasks.Select(t => new ObjectSpec { Obj = t })],
            };
            var pending = new List<TaskInfo>();
            await foreach (ObjectContent content in client.RetrieveAsync([spec], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (content.PropSet.FirstOrDefault()?.Val is TaskInfo info && (info.State == TaskInfoState.Queued || info.State == TaskInfoState.Running))
                {
                    pending.Add(info);
                }
            }

            return [.. pending];
        }

        private static string Describe(IReadOnlyList<TaskInfo> tasks) => tasks.Count == 0
            ? "(none listed in recentTask)"
            : string.Join(", ", tasks.Select(t => (t.Task?.Value ?? "?") + " " + (t.Name ?? "?") + " (" + (t.DescriptionId ?? "?") + ", " + t.State.Value + (t.Progress is int p ? ", " + p + "%" : string.Empty) + ")"));
    }
}
