using System;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// Marks a method that checks a target for a pending question or task before a task is started on it, like
    /// <see cref="VimTaskPrecheck.EnsureNotBlockedAsync"/>. The analyzer ESX0001 counts a call to a marked method
    /// as the pre-check of its first <c>ManagedObjectReference</c> argument, so a project can mark its own helper.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class VimTaskPrecheckAttribute : Attribute
    {
    }
}
