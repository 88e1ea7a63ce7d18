using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// Runs a vim25 task so that it cannot hang on a VM question: checks the target first, starts the task,
    /// then watches the task's <c>info</c> and the VM's <c>runtime.question</c> on the client's shared update
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
        public static async Task<object?> RunTaskAsync(this VimClient client, ManagedObjectReference target, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(target);
            ArgumentNullException.ThrowIfNull(start);
            options ??= new VimTaskOptions();
            QuestionPolicy policy = options.Policy ?? QuestionPolicy.FromAutoAnswer(client.AutoAnswer);

            await client.EnsureNotBlockedAsync(target, policy, cancellationToken).ConfigureAwait(false);
            ManagedObjectReference task;
            try
            {
                task = await start(cancellationToken).ConfigureAwait(false);
            }
            catch (VimFaultException ex) when (ex.Fault is QuestionPending)
            {
                // The server refused at once because of a question: report it like the pre-check does.
                await client.EnsureNotBlockedAsync(target, policy, cancellationToken).ConfigureAwait(false);
                throw;
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.Timeout is { } timeout)
            {
                limit.CancelAfter(timeout);
            }

            var updates = Channel.CreateUnbounded<ObjectUpdate>();
            ManagedObjectReference? vm = target.Type == "VirtualMachine" ? target : null;
            // One filter per object: specs that mix object types trip some servers (vcsim panics on them).
            await using IAsyncDisposable taskWatch = await client.Updates.WatchAsync(WatchSpec(task, "Task", "info"), u => updates.Writer.TryWrite(u), e => updates.Writer.TryComplete(e), limit.Token).ConfigureAwait(false);
            await using IAsyncDisposable? vmWatch = vm is null
                ? null
                : await client.Updates.WatchAsync(WatchSpec(vm, "VirtualMachine", "runtime.question"), u => updates.Writer.TryWrite(u), e => updates.Writer.TryComplete(e), limit.Token).ConfigureAwait(false);
            var waiter = new Waiter(client, task, vm, policy, options.Progress);
            try
            {
                await foreach (ObjectUpdate update in updates.Reader.ReadAllAsync(limit.Token).ConfigureAwait(false))
                {
                    if (await waiter.ApplyAsync(update, limit.Token).ConfigureAwait(false) is { } done)
                    {
                        return done.Result;
                    }
                }

                throw new VimProtocolException("The update loop ended before task " + task.Value + " finished.", null);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                await waiter.CancelQuietlyAsync().ConfigureAwait(false);
                if (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException("Task " + task.Value + " did not finish within " + options.Timeout + (waiter.Cancelable ? "; it was canceled." : "; it is not cancelable and keeps running."));
                }

                throw;
            }
        }

        private static PropertyFilterSpec WatchSpec(ManagedObjectReference obj, string type, string path) => new()
        {
            ObjectSet = [new ObjectSpec { Obj = obj }],
            PropSet = [new PropertySpec { Type = type, PathSet = [path] }],
        };

        /// <summary>The state of one wait: the task's latest info and the questions already handled.</summary>
        private sealed class Waiter(VimClient client, ManagedObjectReference task, ManagedObjectReference? vm, QuestionPolicy policy, IProgress<VimTaskProgress>? progress)
        {
            private readonly HashSet<string> answered = new(StringComparer.Ordinal);
            private TaskInfo? info;

            public bool Cancelable => this.info?.Cancelable ?? false;

            /// <summary>Applies one update; returns the outcome when the task is done.</summary>
            public async Task<Outcome?> ApplyAsync(ObjectUpdate update, CancellationToken cancellationToken)
            {
                foreach (PropertyChange change in update.ChangeSet)
                {
                    if (update.Obj == task && change.Name == "info" && change.Val is TaskInfo newInfo)
                    {
                        this.info = newInfo;
                        progress?.Report(new VimTaskProgress(newInfo.Progress, newInfo.Description?.Message));
                    }
                    else if (update.Obj == task && change.Name?.StartsWith("info.", StringComparison.Ordinal) == true)
                    {
                        // A partial update: read the whole info once rather than patch it field by field.
                        this.info = await this.ReadInfoAsync().ConfigureAwait(false);
                        progress?.Report(new VimTaskProgress(this.info?.Progress, this.info?.Description?.Message));
                    }
                    else if (update.Obj == vm && change.Name == "runtime.question" && change.Val is VirtualMachineQuestionInfo questionInfo)
                    {
                        await this.HandleQuestionAsync(VimQuestion.From(questionInfo, vm), cancellationToken).ConfigureAwait(false);
                    }
                }

                return this.info?.State.Value switch
                {
                    "success" => new Outcome(this.info.Result),
                    "error" => throw new VimTaskFailedException(this.info),
                    _ => null,
                };
            }

            public async Task CancelQuietlyAsync()
            {
                if (!this.Cancelable)
                {
                    return;
                }

                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await client.Service.CancelTaskAsync(task, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is VimException or OperationCanceledException)
                {
                    // Best effort: the caller is told either way.
                }
            }

            /// <summary>The task's whole info now (the last known one if the read finds none).</summary>
            private async Task<TaskInfo?> ReadInfoAsync()
                => (await client.GetPropertiesAsync(task, "info").ConfigureAwait(false)).GetValueOrDefault("info") as TaskInfo ?? this.info;

            private async Task HandleQuestionAsync(VimQuestion question, CancellationToken cancellationToken)
            {
                if (!this.answered.Add(question.Id))
                {
                    return;
                }

                QuestionDecision decision = policy.Decide(question);
                if (decision.Choice is { } choice)
                {
                    await client.Service.AnswerVMAsync(vm!, question.Id, choice.Key, cancellationToken).ConfigureAwait(false);
                    if (client.Logger is { } logger)
                    {
                        VimClientLog.QuestionAnswered(logger, question.ToString(), vm!.ToString(), choice.ToString(), decision.Reason);
                    }

                    return;
                }

                TaskInfo? current = this.info = await this.ReadInfoAsync().ConfigureAwait(false);
                string what = "Task " + task.Value + " (" + (current?.DescriptionId ?? current?.Name) + ") on " + vm + " is blocked by the question " + question + "; " + decision.Reason;
                if (current?.Cancelable == true)
                {
                    await this.CancelQuietlyAsync().ConfigureAwait(false);
                    throw new VimQuestionException(what + ". The task was canceled.", question, task, taskCanceled: true);
                }

                throw new VimQuestionException(what + ". The task is not cancelable and is left blocked until the question is answered (AnswerVM).", question, task, taskCanceled: false);
            }
        }

        private sealed record Outcome(object? Result);
    }
}
