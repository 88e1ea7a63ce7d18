using System;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>A task ended in error: <see cref="Fault"/> is the typed fault of <c>info.error</c>.</summary>
    public sealed class VimTaskFailedException : VimException
    {
        /// <summary>Creates the exception.</summary>
        public VimTaskFailedException(TaskInfo info)
            : base(Describe(info), info.Name)
        {
            this.Info = info;
        }

        /// <summary>The task's final info.</summary>
        public TaskInfo Info { get; }

        /// <summary>The typed fault (e.g. <see cref="InvalidPowerState"/>), or null when the server sent none.</summary>
        public MethodFault? Fault => this.Info.Error?.Fault;

        private static string Describe(TaskInfo info)
        {
            string fault = info.Error?.Fault is EsxSdk.Xml.IVimXmlSerializable data ? data.XmlTypeName : "an error";
            string message = info.Error?.LocalizedMessage is { Length: > 0 } text ? ": " + text : string.Empty;
            return "Task " + info.Task?.Value + " (" + (info.DescriptionId ?? info.Name) + ") on " + info.Entity + " failed with " + fault + message;
        }
    }

    /// <summary>A running task asked a question the policy would not answer; the task was canceled or is left blocked.</summary>
    public sealed class VimQuestionException : VimException
    {
        /// <summary>Creates the exception.</summary>
        public VimQuestionException(string message, VimQuestion question, ManagedObjectReference task, bool taskCanceled)
            : this(message, question, task, taskCanceled, null)
        {
        }

        /// <summary>Creates the exception; <paramref name="innerException"/> is why the policy gave no answer (e.g. a callback's answer that is none of the choices).</summary>
        public VimQuestionException(string message, VimQuestion question, ManagedObjectReference task, bool taskCanceled, Exception? innerException)
            : base(message, null, innerException)
        {
            this.Question = question;
            this.Task = task;
            this.TaskCanceled = taskCanceled;
        }

        /// <summary>The question.</summary>
        public VimQuestion Question { get; }

        /// <summary>The task the question blocks.</summary>
        public ManagedObjectReference Task { get; }

        /// <summary>Whether the runner canceled the task (false: it is not cancelable and stays blocked).</summary>
        public bool TaskCanceled { get; }
    }
}
