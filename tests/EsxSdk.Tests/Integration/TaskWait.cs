using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tests.Integration
{
    /// <summary>
    /// Waits for a vim25 Task by polling its <c>info</c> property with RetrievePropertiesEx until the state is
    /// success or error. A stand-in for the SDK's task runner, which comes later: tests only.
    /// </summary>
    internal static class TaskWait
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

        /// <summary>Returns the task's final <see cref="TaskInfo"/> (state success or error); throws <see cref="TimeoutException"/> after <paramref name="timeout"/> (30 s by default).</summary>
        public static async Task<TaskInfo> WaitAsync(VimClient client, ManagedObjectReference task, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(task);
            TimeSpan limit = timeout ?? DefaultTimeout;
            var clock = Stopwatch.StartNew();
            while (true)
            {
                TaskInfo info = await ReadInfoAsync(client, task, cancellationToken);
                if (info.State == TaskInfoState.Success || info.State == TaskInfoState.Error)
                {
                    return info;
                }

                if (clock.Elapsed >= limit)
                {
                    throw new TimeoutException("Task " + task + " (" + info.DescriptionId + ") is still " + info.State.Value + " after " + limit.TotalSeconds + " s.");
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }

        /// <summary>Waits and requires success: returns <c>info.result</c>; a task error fails with the task's fault.</summary>
        public static async Task<object?> SucceedsAsync(VimClient client, ManagedObjectReference task, TimeSpan? timeout = null)
        {
            TaskInfo info = await WaitAsync(client, task, timeout);
            if (info.State != TaskInfoState.Success)
            {
                string fault = info.Error?.Fault is EsxSdk.Xml.IVimXmlSerializable data ? data.XmlTypeName : "no fault";
                throw new InvalidOperationException("Task " + task + " (" + info.DescriptionId + ") ended in " + info.State.Value + " with " + fault + ": " + info.Error?.LocalizedMessage);
            }

            return info.Result;
        }

        /// <summary>Waits and requires an error: returns the task's <c>info.error</c>.</summary>
        public static async Task<LocalizedMethodFault> FailsAsync(VimClient client, ManagedObjectReference task, TimeSpan? timeout = null)
        {
            TaskInfo info = await WaitAsync(client, task, timeout);
            if (info.State != TaskInfoState.Error)
            {
                throw new InvalidOperationException("Task " + task + " (" + info.DescriptionId + ") ended in " + info.State.Value + ", expected error.");
            }

            return info.Error ?? throw new InvalidOperationException("Task " + task + " is in state error but has no info.error.");
        }

        private static async Task<TaskInfo> ReadInfoAsync(VimClient client, ManagedObjectReference task, CancellationToken cancellationToken)
        {
            object? value = await Properties.GetAsync(client, task, "info", cancellationToken);
            return value as TaskInfo ?? throw new InvalidOperationException("Task " + task + " has no readable info property (got " + (value?.GetType().Name ?? "null") + ").");
        }
    }
}
