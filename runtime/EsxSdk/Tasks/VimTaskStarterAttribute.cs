using System;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// Marks a generated raw starter of a vim25 task (e.g. <c>PowerOnVMTaskAsync</c> for <c>PowerOnVM_Task</c>):
    /// it returns the task's reference at once and neither checks the target nor waits. Analyzers use the mark
    /// to find task starts that skip the pre-check or drop the task.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class VimTaskStarterAttribute(string operation) : Attribute
    {
        /// <summary>The vim25 operation, e.g. <c>PowerOnVM_Task</c>.</summary>
        public string Operation { get; } = operation;
    }
}
