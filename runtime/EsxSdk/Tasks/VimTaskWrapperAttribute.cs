using System;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// Marks a generated question-aware wrapper of a vim25 task (e.g. <c>PowerOnVMAsync</c> for <c>PowerOnVM_Task</c>):
    /// it pre-checks the target, starts the task and waits for it through <see cref="VimTaskRunner"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class VimTaskWrapperAttribute(string operation) : Attribute
    {
        /// <summary>The vim25 operation the wrapper starts, e.g. <c>PowerOnVM_Task</c>.</summary>
        public string Operation { get; } = operation;
    }
}
