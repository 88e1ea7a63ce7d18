using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// The check to run before starting any task on a target: a pending VM question or a queued or running
    /// task means the new task is not started. Public so that code starting tasks by hand can call it.
    /// </summary>
    public static class VimTaskPrecheck
    {
        /// <summary>Questions answered elsewhere and replaced by new ones before the pre-check gives up deciding.</summary>
        private const int MaxQuestionRounds = 3;

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
            bool isVm = VimQuestionHandling.IsVirtualMachine(target);
            IReadOnlyDictionary<string, object?> properties = isVm
                ? await client.GetPropertiesAsync(target, "runtime.question", "recentTask").ConfigureAwait(false)
                : await RecentTasksOfAsync(client, target).ConfigureAwait(false);
            TaskInfo[] pending = await PendingTasksAsync(client, properties.GetValueOrDefault("recentTask") as ManagedObjectReference[] ?? [], cancellationToken).ConfigureAwait(false);

            VimQuestion? question = properties.GetValueOrDefault("runtime.question") is VirtualMachineQuestionInfo info ? VimQuestion.From(info, target) : null;
            VimQuestion? answeredElsewhere = null;
            for (int round = 0; question is not null && round < MaxQuestionRounds; round++)
            {
                (QuestionDecision decision, Exception? policyError) = VimQuestionHandling.Decide(policy, question);
                if (decision.Choice is not { } choice)
                {
                    throw new VimBlockedException(
                        target + " is blocked by the question " + question + "; " + decision.Reason + ". No new task was started" + (pending.Length > 0 ? "; blocked: " + Describe(pending) : string.Empty) + ". Answer it (AnswerVM) or use an answering policy.",
                        target,
                        question,
                        null,
                        pending,
                        policyError);
                }

                AnswerOutcome outcome = await VimQuestionHandling.AnswerAsync(client, target, question, choice, decision.Reason, cancellationToken).ConfigureAwait(false);
                if (outcome.Answered)
                {
                    throw new VimBlockedException(
                        target + " had a pending question " + question + "; it was answered with " + choice + " (" + decision.Reason + "). No new task was started: the blocked task " + Describe(pending) + " may now do the work.",
                        target,
                        question,
                        choice,
                        pending);
                }

                // Someone else answered first; a new question in its place goes through the policy again.
                answeredElsewhere ??= question;
                question = outcome.Pending;
            }

            if (answeredElsewhere is not null)
            {
                // Our policy would have answered: the blocked task may now do the work, so still no new task.
                throw new VimBlockedException(
                    target + " had a pending question " + answeredElsewhere + " that was answered elsewhere before our answer" + (question is null ? string.Empty : "; a new question is pending: " + question)
                    + ". No new task was started: the blocked task " + Describe(pending) + " may now do the work.",
                    target,
                    question ?? answeredElsewhere,
                    null,
                    pending);
            }

            if (pending.Length > 0)
            {
                throw new VimBlockedException(target + " has a pending task: " + Describe(pending) + ". No new task was started.", target, null, null, pending);
            }
        }

        /// <summary>
        /// The target's <c>recentTask</c>. Only managed entities have one: any other object (a datastore browser, the virtual
        /// disk manager) answers InvalidProperty, which means it has no tasks of its own to wait for.
        /// </summary>
        internal static async Task<IReadOnlyDictionary<string, object?>> RecentTasksOfAsync(VimClient client, ManagedObjectReference target)
        {
            try
            {
                return await client.GetPropertiesAsync(target, "recentTask").ConfigureAwait(false);
            }
            catch (VimPropertyFaultException ex) when (ex.Fault is InvalidProperty)
            {
                return new Dictionary<string, object?>();
            }
        }

        /// <summary>The queued or running tasks among <paramref name="tasks"/>.</summary>
        internal static async Task<TaskInfo[]> PendingTasksAsync(VimClient client, ManagedObjectReference[] tasks, CancellationToken cancellationToken)
            => [.. (await TaskInfosAsync(client, tasks, cancellationToken).ConfigureAwait(false)).Where(t => t.State == TaskInfoState.Queued || t.State == TaskInfoState.Running)];

        /// <summary>The <c>info</c> of each of <paramref name="tasks"/> the server still has, in one read.</summary>
        internal static async Task<TaskInfo[]> TaskInfosAsync(VimClient client, ManagedObjectReference[] tasks, CancellationToken cancellationToken)
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
            var infos = new List<TaskInfo>();
            await foreach (ObjectContent content in client.RetrieveAsync([spec], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (content.PropSet.FirstOrDefault()?.Val is TaskInfo info)
                {
                    infos.Add(info);
                }
            }

            return [.. infos];
        }

        /// <summary>Describes pending tasks: reference, name, descriptionId, state and progress.</summary>
        internal static string Describe(IReadOnlyList<TaskInfo> tasks) => tasks.Count == 0
            ? "(none listed in recentTask)"
            : string.Join(", ", tasks.Select(t => (t.Task?.Value ?? "?") + " " + (t.Name ?? "?") + " (" + (t.DescriptionId ?? "?") + ", " + t.State.Value + (t.Progress is int p ? ", " + p + "%" : string.Empty) + ")"));
    }

}
