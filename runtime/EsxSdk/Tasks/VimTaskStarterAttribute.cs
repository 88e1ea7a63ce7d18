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

        /// <summary>
        /// The C# parameter names of the VMs the task acts on, in order (<c>this</c> for <c>@this</c>): the arguments to
        /// pre-check for a pending question or task before starting it. Empty when the task acts on no VM (nothing to
        /// pre-check); null when the binding's generator did not record them. A <c>this</c> target may still be another
        /// managed object when the generator had no managed-object model saying which type declares the operation; the
        /// runner keeps the VirtualMachine references among the targets.
        /// </summary>
        /// <example><c>PowerOnMultiVM_Task</c> (a Datacenter method): <c>["vm"]</c>; <c>PowerOnVM_Task</c>: <c>["this"]</c>.</example>
        public string[]? Targets { get; set; }
    }
}
