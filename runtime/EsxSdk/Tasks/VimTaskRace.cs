using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// Between clients the server is the referee: the pre-check is advisory (another client may start a task right after
    /// it), so a start the server refuses, or a task it queues behind another client's, ends as <see cref="VimBlockedException"/>
    /// naming the winner's task, never as a raw fault or a second task. Also the error for a wait that lost its task.
    /// </summary>
    internal static class VimTaskRace
    {
        /// <summary>The error for a start refused with TaskInProgress, InvalidState or QuestionPending that the pre-check no longer explains.</summary>
        public static async Task<Exception> RefusedStartAsync(VimClient client, IReadOnlyList<ManagedObjectReference> targets, VimFaultException refusal, CancellationToken cancellationToken)
        {
            ManagedObjectReference? winner = (refusal.Fault as TaskInProgress)?.Task;
            TaskInfo[] infos = [];
            try
            {
                infos = winner is null ? [] : await VimTaskPrecheck.TaskInfosAsync(client, [winner], cancellationToken).ConfigureAwait(false);
            }
            catch (VimFaultException)
            {
                // The winner's task is gone already: named by its reference below.
            }

            ManagedObjectReference? target = targets.FirstOrDefault() ?? infos.FirstOrDefault()?.Entity;
            if (target is null)
            {
                // Nothing to name the block after (no target given, no task in the fault): the fault says it best.
                return refusal;
            }

            string busyWith = infos.Length > 0 ? "task " + VimTaskPrecheck.Describe(infos)
                : winner is not null ? "task " + winner.Value
                : "another operation in progress on it, finished since";
            return new VimBlockedException(
                target + " is busy: the server refused the new task with " + refusal.FaultTypeName + " (" + busyWith + "). No new task was started. "
                + "The pre-check is advisory across clients; the server decides.",
                target,
                null,
                null,
                infos,
                refusal);
        }

        /// <summary>The pre-check's report after the server refused our start: the same block, with the refusal as its cause.</summary>
        public static VimBlockedException Refused(VimBlockedException blocked, VimFaultException refusal) => new(
            blocked.Message + " The server refused the new task with " + refusal.FaultTypeName + ": the pre-check is advisory across clients; the server decides.",
            blocked.Target,
            blocked.Question,
            blocked.AnsweredWith,
            blocked.PendingTasks,
            refusal);

        /// <summary>
        /// Our task is queued: when another task is pending on a target (another client's got in first), cancel ours if it is
        /// cancelable and report the winner; a task that cannot be canceled is left to run after it.
        /// </summary>
        public static async Task WithdrawIfQueuedBehindAsync(VimClient client, ManagedObjectReference task, VimTaskWaiter waiter, IReadOnlyList<ManagedObjectReference> targets, CancellationToken cancellationToken)
        {
            foreach (ManagedObjectReference target in targets)
            {
                IReadOnlyDictionary<string, object?> properties = await VimTaskPrecheck.RecentTasksOfAsync(client, target).ConfigureAwait(false);
                TaskInfo[] pending = await VimTaskPrecheck.PendingTasksAsync(client, properties.GetValueOrDefault("recentTask") as ManagedObjectReference[] ?? [], cancellationToken).ConfigureAwait(false);
                TaskInfo[] others = [.. pending.Where(t => t.Task is { } other && other != task)];
                if (others.Length == 0 || waiter.Info?.Cancelable != true)
                {
                    continue;
                }

                bool canceled = await waiter.CancelQuietlyAsync().ConfigureAwait(false);
                throw new VimBlockedException(
                    target + " is busy with " + VimTaskPrecheck.Describe(others) + ": our task " + task.Value + " was queued behind it"
                    + (canceled ? " and has been canceled, so no second task runs." : "; canceling it failed, it may still run after it.")
                    + " The pre-check is advisory across clients; the server decides.",
                    target,
                    null,
                    null,
                    others);
            }
        }

        /// <summary>The error for a wait that lost its task (an outage past the window, the task gone): names it and what may still run.</summary>
        public static VimException LostTrack(ManagedObjectReference task, TaskInfo? info, VimException error)
        {
            string last = info is null ? string.Empty
                : " (" + (info.DescriptionId ?? info.Name) + " on " + info.Entity + ", last seen " + info.State.Value + (info.Progress is int p ? " at " + p + "%" : string.Empty) + ")";
            string message = "Lost track of task " + task.Value + last + ": " + error.Message
                + " The task may still be running on the server: look it up by its reference (Task:" + task.Value + ") once the server answers again.";
            return error is VimConnectionException connection
                ? new VimConnectionException(message, connection.Endpoint, connection.Operation, connection)
                : new VimProtocolException(message, error.Operation, error);
        }
    }
}
