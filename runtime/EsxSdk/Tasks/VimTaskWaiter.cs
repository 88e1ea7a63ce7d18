using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>The state of one task wait: the task's latest info and the questions already handled.</summary>
    internal sealed class VimTaskWaiter(VimClient client, ManagedObjectReference task, QuestionPolicy policy, IProgress<VimTaskProgress>? progress, VimTaskWatch watch)
    {
        private readonly HashSet<string> answered = new(StringComparer.Ordinal);
        private TaskInfo? info;

        /// <summary>Applies one update; returns the outcome when the task is done.</summary>
        public async Task<Outcome?> ApplyAsync(ObjectUpdate update, CancellationToken cancellationToken)
        {
            foreach (PropertyChange change in update.ChangeSet)
            {
                if (update.Obj == task && change.Name == "info" && change.Val is TaskInfo newInfo)
                {
                    await this.SetInfoAsync(newInfo, cancellationToken).ConfigureAwait(false);
                }
                else if (update.Obj == task && change.Name?.StartsWith("info.", StringComparison.Ordinal) == true)
                {
                    // A partial update: apply the fields a wait needs; read the whole info only for anything else.
                    TaskInfo? patched = this.info is { } known && TryPatch(known, change.Name.Substring("info.".Length), change.Val) ? known : await this.ReadInfoAsync(cancellationToken).ConfigureAwait(false);
                    await this.SetInfoAsync(patched, cancellationToken).ConfigureAwait(false);
                }
                else if (update.Obj is { } vm && VimQuestionHandling.IsVirtualMachine(vm) && change.Name == "runtime.question" && change.Val is VirtualMachineQuestionInfo questionInfo)
                {
                    await this.HandleQuestionAsync(VimQuestion.From(questionInfo, vm), vm, cancellationToken).ConfigureAwait(false);
                }
            }

            return this.info?.State.Value switch
            {
                "success" => new Outcome(this.info.Result),
                "error" => throw new VimTaskFailedException(this.info),
                _ => null,
            };
        }

        /// <summary>Cancels the task on the server when it is cancelable; says whether it asked to.</summary>
        public async Task<bool> CancelQuietlyAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                TaskInfo? current = this.info ?? await this.ReadInfoAsync(timeout.Token).ConfigureAwait(false);
                if (current?.Cancelable != true || current.State == TaskInfoState.Success || current.State == TaskInfoState.Error)
                {
                    return false;
                }

                await client.Service.CancelTaskAsync(task, timeout.Token).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is VimException or OperationCanceledException)
            {
                // Best effort: the caller is told either way.
                return false;
            }
        }

        private async Task SetInfoAsync(TaskInfo? newInfo, CancellationToken cancellationToken)
        {
            this.info = newInfo ?? this.info;
            progress?.Report(new VimTaskProgress(this.info?.Progress, this.info?.Description?.Message));
            bool finished = this.info?.State == TaskInfoState.Success || this.info?.State == TaskInfoState.Error;
            if (!finished && this.info?.Entity is { } entity && VimQuestionHandling.IsVirtualMachine(entity) && !watch.IsWatching(entity))
            {
                // The task acts on a VM the caller did not name (e.g. started on a host): its questions block the task too.
                await watch.WatchVmAsync(entity, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Applies a change of one <c>info</c> field the runner reads; false for other fields or unexpected values.</summary>
        private static bool TryPatch(TaskInfo info, string field, object? value)
        {
            switch (field, value)
            {
                case ("state", TaskInfoState state):
                    info.State = state;
                    return true;
                case ("progress", int or null):
                    info.Progress = (int?)value;
                    return true;
                case ("cancelable", bool cancelable):
                    info.Cancelable = cancelable;
                    return true;
                case ("cancelled", bool cancelled):
                    info.Cancelled = cancelled;
                    return true;
                case ("error", LocalizedMethodFault or null):
                    info.Error = (LocalizedMethodFault?)value;
                    return true;
                case ("result", _):
                    info.Result = value;
                    return true;
                case ("description", LocalizableMessage or null):
                    info.Description = (LocalizableMessage?)value;
                    return true;
                case ("startTime" or "completeTime" or "changeTag", _):
                    return true; // not read by the runner
                default:
                    return false;
            }
        }

        /// <summary>The task's whole info now (the last known one if the read finds none), ridden through an outage.</summary>
        private async Task<TaskInfo?> ReadInfoAsync(CancellationToken cancellationToken)
        {
            IReadOnlyDictionary<string, object?> read = await client.Outages.RideOutAsync(
                _ => client.GetPropertiesAsync(task, "info"), "reading the info of task " + task.Value, cancellationToken).ConfigureAwait(false);
            return read.GetValueOrDefault("info") as TaskInfo ?? this.info;
        }

        /// <summary>The task's latest known info (null before the first update).</summary>
        public TaskInfo? Info => this.info;

        private async Task HandleQuestionAsync(VimQuestion question, ManagedObjectReference vm, CancellationToken cancellationToken)
        {
            if (!this.answered.Add(vm.Value + "/" + question.Id))
            {
                return;
            }

            (QuestionDecision decision, Exception? policyError) = VimQuestionHandling.Decide(policy, question);
            if (decision.Choice is { } choice)
            {
                AnswerOutcome outcome = await VimQuestionHandling.AnswerAsync(client, vm, question, choice, decision.Reason, cancellationToken).ConfigureAwait(false);
                if (!outcome.Answered && outcome.Pending is { } next)
                {
                    // Answered elsewhere and replaced by a new question: the policy decides again (the watch may deliver it too; handled once).
                    await this.HandleQuestionAsync(next, vm, cancellationToken).ConfigureAwait(false);
                }

                // Answered by us or by someone else: the task's outcome decides.
                return;
            }

            TaskInfo? current = this.info = await this.ReadInfoAsync(cancellationToken).ConfigureAwait(false);
            string what = "Task " + task.Value + " (" + (current?.DescriptionId ?? current?.Name) + ") on " + vm + " is blocked by the question " + question + "; " + decision.Reason;
            if (current?.Cancelable == true)
            {
                bool canceled = await this.CancelQuietlyAsync().ConfigureAwait(false);
                throw new VimQuestionException(what + (canceled ? ". The task was canceled." : ". Canceling the task failed; it may still be blocked."), question, task, taskCanceled: canceled, policyError);
            }

            throw new VimQuestionException(what + ". The task is not cancelable and is left blocked until the question is answered (AnswerVM).", question, task, taskCanceled: false, policyError);
        }

        /// <summary>A finished task's result.</summary>
        internal sealed record Outcome(object? Result);
    }
}
