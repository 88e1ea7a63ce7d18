using System;
using System.Collections.Generic;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// A task was not started because its target is blocked: a pending question (reported, or answered
    /// under the policy, in which case the blocked task may now do the work) or a pending task.
    /// </summary>
    public sealed class VimBlockedException : VimException
    {
        /// <summary>Creates the exception.</summary>
        public VimBlockedException(string message, ManagedObjectReference target, VimQuestion? question, VimQuestionChoice? answeredWith, IReadOnlyList<TaskInfo> pendingTasks)
            : this(message, target, question, answeredWith, pendingTasks, null)
        {
        }

        /// <summary>Creates the exception for a start the server refused (<paramref name="innerException"/>: its fault, e.g. <see cref="TaskInProgress"/>).</summary>
        public VimBlockedException(string message, ManagedObjectReference target, VimQuestion? question, VimQuestionChoice? answeredWith, IReadOnlyList<TaskInfo> pendingTasks, Exception? innerException)
            : base(message, null, innerException)
        {
            this.Target = target;
            this.Question = question;
            this.AnsweredWith = answeredWith;
            this.PendingTasks = pendingTasks;
        }

        /// <summary>The object the new task was meant for.</summary>
        public ManagedObjectReference Target { get; }

        /// <summary>The pending question, if that is what blocks the target.</summary>
        public VimQuestion? Question { get; }

        /// <summary>The choice the policy answered the question with, or null when it was reported.</summary>
        public VimQuestionChoice? AnsweredWith { get; }

        /// <summary>The target's queued or running tasks.</summary>
        public IReadOnlyList<TaskInfo> PendingTasks { get; }
    }
}
