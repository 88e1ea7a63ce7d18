using System.Threading.Tasks;
using EsxSdk.Analyzers.CodeFixes;
using EsxSdk.Analyzers.Tests.Support;
using Xunit;
using Verify = EsxSdk.Analyzers.Tests.Support.Verifier<EsxSdk.Analyzers.BlockingTaskAnalyzer>;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>ESX0004: blocking on the Task of a task API call; the fix awaits it.</summary>
    public sealed class BlockingTaskTests
    {
        [Fact]
        public async Task Result_Wait_and_GetResult_on_task_calls_are_reported()
        {
            await Verify.AnalyzeAsync(
                Sync("""
                    Keep({|#0:client.Service.PowerOnVMTaskAsync(vm).Result|});
                    {|#1:client.Service.PowerOnVMAsync(vm).Wait()|};
                    {|#2:client.RunTaskAsync(vm, t => client.Service.PowerOffVMTaskAsync(vm, t)).ConfigureAwait(false).GetAwaiter().GetResult()|};
                    {|#3:client.EnsureNotBlockedAsync(vm).GetAwaiter().GetResult()|};
                    """),
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Result", "PowerOnVMTaskAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(1).WithArguments(".Wait()", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(2).WithArguments(".GetAwaiter().GetResult()", "RunTaskAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(3).WithArguments(".GetAwaiter().GetResult()", "EnsureNotBlockedAsync"));
        }

        [Fact]
        public async Task Other_tasks_and_kept_tasks_are_not_reported()
        {
            await Verify.AnalyzeAsync(Sync("""
                Keep(Task.FromResult(1).Result);
                Task<ManagedObjectReference> started = client.Service.PowerOnVMTaskAsync(vm);
                Keep(started.IsCompleted ? started.Result : null);
                """));
        }

        [Fact]
        public async Task The_fix_awaits_in_an_async_method_with_FixAll()
        {
            await Verify.FixAllAsync<BlockingTaskCodeFixProvider>(
                Async("""
                    Keep({|#0:client.Service.PowerOnVMTaskAsync(vm).Result|}.Value);
                    {|#1:client.Service.PowerOnVMAsync(vm).Wait()|};
                    {|#2:client.EnsureNotBlockedAsync(vm).ConfigureAwait(false).GetAwaiter().GetResult()|};
                    """),
                Async("""
                    Keep((await client.Service.PowerOnVMTaskAsync(vm)).Value);
                    await client.Service.PowerOnVMAsync(vm);
                    await client.EnsureNotBlockedAsync(vm).ConfigureAwait(false);
                    """),
                BlockingTaskCodeFixProvider.AwaitKey,
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Result", "PowerOnVMTaskAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(1).WithArguments(".Wait()", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(2).WithArguments(".GetAwaiter().GetResult()", "EnsureNotBlockedAsync"));
        }

        [Fact]
        public async Task No_fix_is_offered_where_await_is_not_allowed()
        {
            string source = Sync("{|#0:client.Service.PowerOnVMAsync(vm).Wait()|};");
            await Verify.FixAsync<BlockingTaskCodeFixProvider>(
                source,
                source,
                BlockingTaskCodeFixProvider.AwaitKey,
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Wait()", "PowerOnVMAsync"));
        }

        private static string Sync(string body) => Wrap("void Run", body);

        private static string Async(string body) => Wrap("async Task RunAsync", body);

        private static string Wrap(string signature, string body) => Sources.Prelude + """
            sealed class Example
            {
            """ + "\n    " + signature + """
            (VimClient client, ManagedObjectReference vm)
                {
            """ + "\n        " + body.Replace("\n", "\n        ") + """

                }

                static void Keep(object? value) { }
            }
            """;
    }
}
