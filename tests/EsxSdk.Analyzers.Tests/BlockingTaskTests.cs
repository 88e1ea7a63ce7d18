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
        public async Task Every_Wait_overload_is_reported()
        {
            await Verify.AnalyzeAsync(
                Sync("""
                    {|#0:client.Service.PowerOnVMAsync(vm).Wait(System.TimeSpan.FromMinutes(5))|};
                    Keep({|#1:client.Service.PowerOnVMAsync(vm).Wait(1000)|});
                    {|#2:client.Service.PowerOnVMAsync(vm).Wait(CancellationToken.None)|};
                    if (!{|#3:client.Service.PowerOnVMTaskAsync(vm).Wait(1000, CancellationToken.None)|}) { throw new System.TimeoutException(); }
                    """),
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Wait(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(1).WithArguments(".Wait(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(2).WithArguments(".Wait(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(3).WithArguments(".Wait(...)", "PowerOnVMTaskAsync"));
        }

        [Fact]
        public async Task A_task_kept_in_a_local_and_only_blocked_on_is_reported_once()
        {
            await Verify.AnalyzeAsync(
                Sync("""
                    var power = client.Service.PowerOnVMAsync(vm);
                    {|#0:power.Wait()|};
                    power.Wait();
                    Task<ManagedObjectReference> start = client.Service.PowerOnVMTaskAsync(vm);
                    Keep({|#1:start.Result|});
                    var check = client.EnsureNotBlockedAsync(vm).ConfigureAwait(false);
                    {|#2:check.GetAwaiter().GetResult()|};
                    Task run;
                    run = client.RunTaskAsync(vm, t => client.Service.PowerOffVMTaskAsync(vm, t));
                    if (vm.Value.Length > 3) { run = client.Service.PowerOnVMAsync(vm); }
                    {|#3:run.Wait(System.TimeSpan.FromSeconds(30))|};
                    """),
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Wait()", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(1).WithArguments(".Result", "PowerOnVMTaskAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(2).WithArguments(".GetAwaiter().GetResult()", "EnsureNotBlockedAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(3).WithArguments(".Wait(...)", "RunTaskAsync"));
        }

        [Fact]
        public async Task A_local_assigned_otherwise_or_used_otherwise_is_not_reported()
        {
            await Verify.AnalyzeAsync(Async("""
                var awaited = client.Service.PowerOnVMAsync(vm);
                await awaited;
                awaited.Wait();
                Task mixed = Task.Delay(1);
                mixed = client.Service.PowerOnVMAsync(vm);
                mixed.Wait();
                var handed = client.Service.PowerOnVMAsync(vm);
                Keep(handed);
                handed.Wait();
                foreach (var each in new[] { client.Service.PowerOnVMAsync(vm) })
                {
                    each.Wait();
                }

                var first = client.Service.PowerOnVMTaskAsync(vm);
                var second = client.Service.PowerOffVMTaskAsync(vm);
                await Task.WhenAll(first, second);
                Keep(first.Result.Value + second.GetAwaiter().GetResult().Value);
                Task<ManagedObjectReference> parameterLike = Task.FromResult(vm);
                Keep(parameterLike.Result);
                """));
        }

        [Fact]
        public async Task WaitAll_WaitAny_and_blocked_WhenAll_over_task_calls_are_reported()
        {
            await Verify.AnalyzeAsync(
                Sync("""
                    var on = client.Service.PowerOnVMAsync(vm);
                    var off = client.Service.PowerOffVMTaskAsync(vm);
                    {|#0:Task.WaitAll(on, off)|};
                    {|#1:Task.WaitAll(Task.Delay(10), client.Service.ResetVMTaskAsync(vm))|};
                    Keep({|#2:Task.WaitAny(new[] { client.Service.PowerOnVMAsync(vm), Task.Delay(10) })|});
                    Keep({|#3:Task.WaitAll(new Task[] { client.Service.SuspendVMTaskAsync(vm) }, 1000)|});
                    {|#4:Task.WhenAll(client.Service.PowerOnVMAsync(vm), client.EnsureNotBlockedAsync(vm)).Wait()|};
                    Keep({|#5:Task.WhenAll(client.Service.PowerOnVMTaskAsync(vm)).Result|});
                    {|#6:Task.WaitAll(vms.Select(v => client.Service.PowerOnVMAsync(v)).ToArray())|};
                    """),
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments("Task.WaitAll(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(1).WithArguments("Task.WaitAll(...)", "ResetVMTaskAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(2).WithArguments("Task.WaitAny(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(3).WithArguments("Task.WaitAll(...)", "SuspendVMTaskAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(4).WithArguments(".Wait()", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(5).WithArguments(".Result", "PowerOnVMTaskAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(6).WithArguments("Task.WaitAll(...)", "PowerOnVMAsync"));
        }

        [Fact]
        public async Task WaitAll_over_other_tasks_or_a_collection_built_elsewhere_is_not_reported()
        {
            await Verify.AnalyzeAsync(Sync("""
                Task.WaitAll(Task.Delay(1), Task.Delay(2));
                var tasks = new System.Collections.Generic.List<Task>();
                tasks.Add(client.Service.PowerOnVMAsync(vm));
                Task.WaitAll(tasks.ToArray());
                Task[] array = { client.Service.PowerOnVMAsync(vm) };
                Task.WaitAll(array);
                Keep(Task.WhenAll(Task.Delay(1)).IsCompleted);
                """));
        }

        [Fact]
        public async Task The_fix_awaits_locals_WaitAll_WhenAll_and_a_cancellable_Wait_with_FixAll()
        {
            await Verify.FixAllAsync<BlockingTaskCodeFixProvider>(
                Async("""
                    var power = client.Service.PowerOnVMAsync(vm);
                    {|#0:power.Wait()|};
                    var on = client.Service.PowerOnVMTaskAsync(vm);
                    var off = client.Service.PowerOffVMTaskAsync(vm);
                    {|#1:Task.WaitAll(on, off)|};
                    {|#2:Task.WhenAll(client.Service.PowerOnVMAsync(vm), client.EnsureNotBlockedAsync(vm)).Wait()|};
                    {|#3:client.Service.PowerOnVMAsync(vm).Wait(CancellationToken.None)|};
                    {|#4:Task.WaitAll(vms.Select(v => client.Service.PowerOnVMAsync(v)).ToArray())|};
                    """),
                Async("""
                    var power = client.Service.PowerOnVMAsync(vm);
                    await power;
                    var on = client.Service.PowerOnVMTaskAsync(vm);
                    var off = client.Service.PowerOffVMTaskAsync(vm);
                    await Task.WhenAll(on, off);
                    await Task.WhenAll(client.Service.PowerOnVMAsync(vm), client.EnsureNotBlockedAsync(vm));
                    await client.Service.PowerOnVMAsync(vm).WaitAsync(CancellationToken.None);
                    await Task.WhenAll(vms.Select(v => client.Service.PowerOnVMAsync(v)).ToArray());
                    """),
                BlockingTaskCodeFixProvider.AwaitKey,
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Wait()", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(1).WithArguments("Task.WaitAll(...)", "PowerOnVMTaskAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(2).WithArguments(".Wait()", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(3).WithArguments(".Wait(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(4).WithArguments("Task.WaitAll(...)", "PowerOnVMAsync"));
        }

        [Fact]
        public async Task No_fix_for_a_timeout_WaitAny_or_WaitAll_with_a_timeout()
        {
            string source = Async("""
                if (!{|#0:client.Service.PowerOnVMAsync(vm).Wait(System.TimeSpan.FromMinutes(5))|}) { return; }
                {|#1:client.Service.PowerOnVMAsync(vm).Wait(1000)|};
                Keep({|#2:Task.WaitAny(client.Service.PowerOnVMAsync(vm), Task.Delay(10))|});
                Keep({|#3:Task.WaitAll(new[] { client.Service.PowerOnVMAsync(vm) }, 1000)|});
                """);
            await Verify.FixAsync<BlockingTaskCodeFixProvider>(
                source,
                source,
                BlockingTaskCodeFixProvider.AwaitKey,
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Wait(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(1).WithArguments(".Wait(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(2).WithArguments("Task.WaitAny(...)", "PowerOnVMAsync"),
                Verify.Diagnostic("ESX0004").WithLocation(3).WithArguments("Task.WaitAll(...)", "PowerOnVMAsync"));
        }

        [Fact]
        public async Task The_fix_awaits_a_local_in_top_level_statements()
        {
            await Verify.FixAsync<BlockingTaskCodeFixProvider>(
                Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources.Prelude + """
                VimClient client = await VimClient.ConnectAsync(args[0], null);
                ManagedObjectReference vm = new("VirtualMachine", args[1]);
                var started = client.Service.PowerOnVMTaskAsync(vm);
                System.Console.WriteLine({|#0:started.Result|}.Value);

                """,
                Sources.Prelude + """
                VimClient client = await VimClient.ConnectAsync(args[0], null);
                ManagedObjectReference vm = new("VirtualMachine", args[1]);
                var started = client.Service.PowerOnVMTaskAsync(vm);
                System.Console.WriteLine((await started).Value);

                """,
                BlockingTaskCodeFixProvider.AwaitKey,
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Result", "PowerOnVMTaskAsync"));
        }

        [Fact]
        public async Task No_fix_in_a_sync_local_function_but_one_in_an_async_lambda()
        {
            await Verify.FixSomeAsync<BlockingTaskCodeFixProvider>(
                Sync("""
                    void Local() => {|#0:client.Service.PowerOnVMAsync(vm).Wait()|};
                    System.Func<Task> later = async () => {|#1:client.Service.PowerOnVMAsync(vm).Wait()|};
                    Local();
                    Keep(later);
                    """),
                Sync("""
                    void Local() => {|#0:client.Service.PowerOnVMAsync(vm).Wait()|};
                    System.Func<Task> later = async () => await client.Service.PowerOnVMAsync(vm);
                    Local();
                    Keep(later);
                    """),
                BlockingTaskCodeFixProvider.AwaitKey,
                new[]
                {
                    Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Wait()", "PowerOnVMAsync"),
                    Verify.Diagnostic("ESX0004").WithLocation(1).WithArguments(".Wait()", "PowerOnVMAsync"),
                },
                Verify.Diagnostic("ESX0004").WithLocation(0).WithArguments(".Wait()", "PowerOnVMAsync"));
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

        private static string Wrap(string signature, string body) => "using System.Linq;\n" + Sources.Prelude + """
            sealed class Example
            {
            """ + "\n    " + signature + """
            (VimClient client, ManagedObjectReference vm, System.Collections.Generic.List<ManagedObjectReference> vms)
                {
            """ + "\n        " + body.Replace("\n", "\n        ") + """

                }

                static void Keep(object? value) { }
            }
            """;
    }
}
