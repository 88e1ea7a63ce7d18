using System;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// Marks a method that runs a task like <see cref="VimTaskRunner"/>'s <c>RunTaskAsync</c>:
    /// it pre-checks the targets, calls the start delegate it is given and waits for the task. The analyzers leave a
    /// raw start inside a lambda or local function handed to a marked method to it (ESX0001, ESX0002), so a project can
    /// mark its own runner (for example one that adds retries or logging around <c>RunTaskAsync</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class VimTaskRunnerAttribute : Attribute
    {
    }
}
