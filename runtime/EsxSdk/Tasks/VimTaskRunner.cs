using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// Runs a vim25 task so that it cannot hang on a VM question: checks the targets first, starts the task,
    /// then watches the task's <c>info</c> and the VMs' <c>runtime.question</c> on the client's shared update
    /// loop, answering or failing by the question policy, until the task succeeds or fails.
    /// </summary>
    public static class VimTaskRunner
    {
        /// <summary>
        /// Runs the task <paramref name="start"/> starts on <paramref name="target"/> and returns its <c>info.result</c>.
        /// </summary>
        /// <exception cref="VimBlockedException">The target had a pending question or task; nothing was started.</exception>
        /// <exception cref="VimQuestionException">The task asked a question the policy did not answer.</exception>
        /// <exception cref="VimTaskFailedException">The task ended in error.</exception>
        [VimTaskRunner]
        public static Task<object?> RunTaskAsync(this VimClient client, ManagedObjectReference target, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(target);
            return client.RunTaskAsync([target], start, options, cancellationToken);
        }

        /// <summary>
        /// Runs the task <paramref name="start"/> starts and returns its <c>info.result</c>. Every target is pre-checked
        /// (none: no pre-check); questions are watched on the VM targets and on the task's <c>info.entity</c>.
        /// </summary>
        /// <exception cref="VimBlockedException">A target had a pending question or task; nothing was started.</exception>
        /// <exception cref="VimQuestionException">The task asked a question the policy did not answer.</exception>
        /// <exception cref="VimTaskFailedException">The task ended in error.</exception>
        [VimTaskRunner]
        public static async Task<object?> RunTaskAsync(this VimClient client, IReadOnlyList<ManagedObjectReference> targets, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(targets);
            ArgumentNullException.ThrowIfNull(start);
            options ??= new VimTaskOptions();
            QuestionPolicy policy = options.Policy ?? QuestionPolicy.FromAutoAnswer(client.AutoAnswer);

            try
            {
                // Reads only: an outage is ridden out like a wait's.
                await client.Outages.RideOutAsync(ct => PrecheckAsync(client, targets, policy, ct), "checking the targets before starting a task", cancellationToken).ConfigureAwait(false);
            }
            catch (VimBlockedException blocked) when (options.WaitForBlockedTask && blocked.AnsweredWith is not null && blocked.PendingTasks is [{ Task: { } previous }])
            {
                // The answer may have let the blocked task do the wanted work: its outcome is the caller's outcome.
                return await WaitAsync(client, previous, targets, policy, options, cancellationToken).ConfigureAwait(false);
            }

            ManagedObjectReference task;
            try
            {
                // A start that certainly never reached the server is retried through an outage; one that may have is not.
                task = await client.Outages.RideOutAsync(start, "starting the task", cancellationToken, onlyUnsent: true).ConfigureAwait(false);
            }
            catch (VimConnectionException ex) when (!ex.RequestNotSent)
            {
                throw new VimConnectionException(
                    ex.Message + " The request may have reached the server, so the task may have started: EnsureNotBlockedAsync (or the target's recentTask) shows it before you try again.",
                    ex.Endpoint,
                    ex.Operation,
                    requestNotSent: false,
                    ex);
            }
            catch (VimFaultException ex) when (ex.Fault is QuestionPending || IsCompetingTask(ex.Fault))
            {
                // The server refused at once: another client's task or question got in after our pre-check. The server is
                // the referee; report what blocks the target like the pre-check does.
                try
                {
                    await PrecheckAsync(client, targets, policy, cancellationToken).ConfigureAwait(false);
                }
                catch (VimBlockedException blocked) when (ex.Fault is not QuestionPending)
                {
                    throw VimTaskRace.Refused(blocked, ex);
                }

                throw await VimTaskRace.RefusedStartAsync(client, targets, ex, cancellationToken).ConfigureAwait(false);
            }

            return await WaitAsync(client, task, targets, policy, options, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Faults with which a server refuses a task because another one runs on the same object.</summary>
        private static bool IsCompetingTask(MethodFault? fault) => fault is TaskInProgress || fault?.GetType() == typeof(InvalidState);

        /// <summary>Checks every target at once; the first blocked one (in the caller's order) is reported.</summary>
        private static async Task PrecheckAsync(VimClient client, IReadOnlyList<ManagedObjectReference> targets, QuestionPolicy policy, CancellationToken cancellationToken)
        {
            Task[] checks = [.. targets.Select(t => client.EnsureNotBlockedAsync(t, policy, cancellationToken))];
            try
            {
                await Task.WhenAll(checks).ConfigureAwait(false);
            }
            catch (Exception) when (checks.FirstOrDefault(c => c.IsFaulted) is { Exception.InnerException: { } first })
            {
                ExceptionDispatchInfo.Throw(first);
            }
        }

        /// <summary>Waits for <paramref name="task"/>, handling questions on the VM targets and the task's entity.</summary>
        private static async Task<object?> WaitAsync(VimClient client, ManagedObjectReference task, IReadOnlyList<ManagedObjectReference> targets, QuestionPolicy policy, VimTaskOptions options, CancellationToken cancellationToken)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.Timeout is { } timeout)
            {
                limit.CancelAfter(timeout);
            }

            await using var watch = new VimTaskWatch(client, task);
            var waiter = new VimTaskWaiter(client, task, policy, options.Progress, watch);
            try
            {
                await watch.WatchTaskAsync(limit.Token).ConfigureAwait(false);

                // Many tasks are done by the time their info is first read: then no question can block them any more.
                while (watch.TryRead(out ObjectUpdate? current))
                {
                    if (await waiter.ApplyAsync(current, limit.Token).ConfigureAwait(false) is { } finished)
                    {
                        return finished.Result;
                    }
                }

                if (waiter.Info?.State == TaskInfoState.Queued)
                {
                    // Queued behind another task on the same target (another client won the race): do not run a second one.
                    await VimTaskRace.WithdrawIfQueuedBehindAsync(client, task, waiter, targets, limit.Token).ConfigureAwait(false);
                }

                foreach (ManagedObjectReference vm in targets.Where(VimQuestionHandling.IsVirtualMachine))
                {
                    await watch.WatchVmAsync(vm, limit.Token).ConfigureAwait(false);
                }

                await foreach (ObjectUpdate update in watch.ReadAllAsync(limit.Token).ConfigureAwait(false))
                {
                    if (await waiter.ApplyAsync(update, limit.Token).ConfigureAwait(false) is { } done)
                    {
                        return done.Result;
                    }
                }

                throw new VimProtocolException("The update loop ended before task " + task.Value + " finished.", null);
            }
            catch (VimConnectionException ex) when (!limit.IsCancellationRequested)
            {
                throw VimTaskRace.LostTrack(task, waiter.Info, ex);
            }
            catch (VimProtocolException ex) when (!limit.IsCancellationRequested && ex.Operation is "RetrievePropertiesEx" or "CreateFilter")
            {
                throw VimTaskRace.LostTrack(task, waiter.Info, ex);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                bool canceled = await waiter.CancelQuietlyAsync().ConfigureAwait(false);
                if (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException("Task " + task.Value + " did not finish within " + options.Timeout + (canceled ? "; it was canceled." : "; it is not cancelable and keeps running."));
                }

                throw;
            }
        }
    }
}
