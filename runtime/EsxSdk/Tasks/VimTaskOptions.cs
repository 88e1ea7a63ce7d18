using System;

namespace EsxSdk.Tasks
{
    /// <summary>How the task runner handles one task; null members take the client's defaults.</summary>
    public sealed record VimTaskOptions
    {
        /// <summary>The question policy; default: the connection URI's <c>auto_answer</c>.</summary>
        public QuestionPolicy? Policy { get; init; }

        /// <summary>Receives the task's progress (percentage and description) as it changes.</summary>
        public IProgress<VimTaskProgress>? Progress { get; init; }

        /// <summary>An overall limit for waiting; the task is canceled on the server when it is cancelable.</summary>
        public TimeSpan? Timeout { get; init; }

        /// <summary>
        /// When the pre-check answers a question that blocks one pending task (answering policy), wait for that task and
        /// return its outcome instead of failing with <see cref="VimBlockedException"/>: the answer may have let it do
        /// the work the caller wanted. No new task is started either way.
        /// </summary>
        public bool WaitForBlockedTask { get; init; }
    }

    /// <summary>A task's progress: percentage (when known) and description.</summary>
    /// <param name="Percent">The task's <c>info.progress</c>, 0-100, or null while the server reports none.</param>
    /// <param name="Description">The task's <c>info.description.message</c> (what it is doing now), or null.</param>
    public sealed record VimTaskProgress(int? Percent, string? Description);
}
