using System.Threading.Tasks;
using EsxSdk.Analyzers.Tests.Support;
using Xunit;
using Verify = EsxSdk.Analyzers.Tests.Support.Verifier<EsxSdk.Analyzers.TaskReferenceAnalyzer>;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>ESX0002: the task reference of a raw starter must be waited on or handed on.</summary>
    public sealed class TaskReferenceTests
    {
        [Theory]
        [InlineData("await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};", "discarded")]
        [InlineData("await {|#0:client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct)|}.ConfigureAwait(false);", "discarded")]
        [InlineData("_ = {|#0:client.Service.PowerOnVMTaskAsync(vm)|};", "discarded")]
        [InlineData("_ = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};", "discarded")]
        [InlineData("ManagedObjectReference task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};", "kept in 'task' and never read")]
        [InlineData("var pending = {|#0:client.Service.PowerOnVMTaskAsync(vm)|}; await pending;", "kept in 'pending' and then discarded")]
        public async Task A_dropped_task_reference_is_reported(string body, string how)
        {
            await Verify.AnalyzeAsync(
                Sources.Method("await client.EnsureNotBlockedAsync(vm);\n" + body),
                Verify.Diagnostic("ESX0002").WithLocation(0).WithArguments("PowerOnVMTaskAsync", how, "PowerOnVM_Task"));
        }

        [Fact]
        public async Task A_start_left_unawaited_as_a_statement_is_reported()
        {
            await Verify.AnalyzeAsync(
                Sources.Method("#pragma warning disable CS4014\n{|#0:client.Service.PowerOnVMTaskAsync(vm)|};"),
                Verify.Diagnostic("ESX0002").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "discarded", "PowerOnVM_Task"));
        }

        [Fact]
        public async Task A_reference_handed_on_read_or_stored_is_not_reported()
        {
            await Verify.AnalyzeAsync(Sources.Prelude + """
                sealed class Example
                {
                    private ManagedObjectReference? last;

                    async Task<ManagedObjectReference> StartAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        return await client.Service.PowerOnVMTaskAsync(vm);
                    }

                    Task<ManagedObjectReference> StartLaterAsync(VimClient client, ManagedObjectReference vm) => client.Service.PowerOffVMTaskAsync(vm);

                    async Task KeepAsync(VimClient client, ManagedObjectReference vm, System.Collections.Generic.List<ManagedObjectReference> tasks)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        tasks.Add(await client.Service.ResetVMTaskAsync(vm));
                        this.last = await client.Service.SuspendVMTaskAsync(vm);
                        ManagedObjectReference task = await client.Service.ShutdownGuestAsync2(vm);
                        System.Console.WriteLine(task.Value);
                    }
                }

                static class Extensions
                {
                    public static Task<ManagedObjectReference> ShutdownGuestAsync2(this VimService service, ManagedObjectReference vm) => service.PowerOffVMTaskAsync(vm);
                }
                """);
        }

        [Fact]
        public async Task Starts_run_through_the_runner_or_the_wrapper_are_not_reported()
        {
            await Verify.AnalyzeAsync(Sources.Method("""
                await client.RunTaskAsync(vm, token => client.Service.PowerOnVMTaskAsync(vm, cancellationToken: token));
                await client.RunTaskAsync(vm, async token => { return await client.Service.PowerOffVMTaskAsync(vm, token); });
                await client.Service.PowerOnVMAsync(vm);
                """));
        }

        [Fact]
        public async Task A_task_local_read_later_is_not_reported()
        {
            await Verify.AnalyzeAsync(Sources.Method("""
                await client.EnsureNotBlockedAsync(vm);
                ManagedObjectReference task;
                task = await client.Service.PowerOnVMTaskAsync(vm);
                var info = await client.GetPropertiesAsync(task, "info");
                Keep(info);
                """));
        }

        [Fact]
        public async Task A_reference_overwritten_before_it_is_read_is_reported()
        {
            await Verify.AnalyzeAsync(
                Sources.Method("""
                    var task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};
                    task = await client.Service.PowerOnVMTaskAsync(other);
                    Keep(task);
                    var last = await {|#1:client.Service.PowerOffVMTaskAsync(vm)|};
                    while (ct.IsCancellationRequested)
                    {
                        last = await client.Service.PowerOffVMTaskAsync(other);
                        Keep(last);
                    }

                    var reset = await client.Service.ResetVMTaskAsync(vm);
                    Keep(reset);
                    reset = await {|#2:client.Service.ResetVMTaskAsync(other)|};
                    """),
                Verify.Diagnostic("ESX0002").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "kept in 'task' and overwritten before it is read", "PowerOnVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(1).WithArguments("PowerOffVMTaskAsync", "kept in 'last' and overwritten before it is read", "PowerOffVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(2).WithArguments("ResetVMTaskAsync", "kept in 'reset' and never read", "ResetVM_Task"));
        }

        [Fact]
        public async Task A_reference_read_on_some_path_is_not_reported()
        {
            await Verify.AnalyzeAsync(Sources.Method("""
                var task = await client.Service.PowerOnVMTaskAsync(vm);
                if (ct.CanBeCanceled)
                {
                    Keep(task);
                }

                task = await client.Service.PowerOnVMTaskAsync(other);
                Keep(task);
                ManagedObjectReference? previous = null;
                foreach (var each in new[] { vm, other })
                {
                    if (previous is not null)
                    {
                        Keep(previous);
                    }

                    previous = await client.Service.PowerOffVMTaskAsync(each);
                }

                var tried = await client.Service.ResetVMTaskAsync(vm);
                try
                {
                    tried = await client.Service.ResetVMTaskAsync(other);
                }
                finally
                {
                    Keep(tried);
                }

                var caught = await client.Service.SuspendVMTaskAsync(vm);
                try
                {
                    caught = await client.Service.SuspendVMTaskAsync(other);
                }
                catch (System.Exception)
                {
                    Keep(caught);
                    throw;
                }

                Keep(caught);
                var shown = await client.Service.PowerOnVMTaskAsync(vm);
                System.Action show = () => Keep(shown);
                shown = await client.Service.PowerOnVMTaskAsync(other);
                show();
                var passed = await client.Service.PowerOffVMTaskAsync(vm);
                passed = Pick(passed, await client.Service.PowerOffVMTaskAsync(other));
                Keep(passed);

                static ManagedObjectReference Pick(ManagedObjectReference first, ManagedObjectReference second) => second;
                """));
        }

        [Fact]
        public async Task Overwrites_in_lambdas_local_functions_and_top_level_code_are_reported()
        {
            await Verify.AnalyzeAsync(
                Sources.Method("""
                    System.Func<Task> later = async () =>
                    {
                        var task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};
                        task = await client.Service.PowerOnVMTaskAsync(other);
                        Keep(task);
                    };
                    await Local();
                    Keep(later);

                    async Task Local()
                    {
                        var task = await {|#1:client.Service.PowerOffVMTaskAsync(vm)|};
                        task = await client.Service.PowerOffVMTaskAsync(other);
                        Keep(task);
                    }
                    """),
                Verify.Diagnostic("ESX0002").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "kept in 'task' and overwritten before it is read", "PowerOnVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(1).WithArguments("PowerOffVMTaskAsync", "kept in 'task' and overwritten before it is read", "PowerOffVM_Task"));
            await Verify.AnalyzeAsync(
                Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources.Prelude + """
                VimClient client = await VimClient.ConnectAsync(args[0], null);
                ManagedObjectReference vm = new("VirtualMachine", args[1]);
                var task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};
                task = await client.Service.PowerOnVMTaskAsync(vm);
                System.Console.WriteLine(task.Value);

                """,
                Verify.Diagnostic("ESX0002").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "kept in 'task' and overwritten before it is read", "PowerOnVM_Task"));
        }

        [Fact]
        public async Task Starts_given_to_WhenAll_whose_result_is_dropped_are_reported()
        {
            await Verify.AnalyzeAsync(
                "using System.Linq;\n" + Sources.Method("""
                    await Task.WhenAll({|#0:client.Service.PowerOnVMTaskAsync(vm)|}, {|#1:client.Service.PowerOnVMTaskAsync(other)|});
                    _ = await Task.WhenAll(new[] { {|#2:client.Service.PowerOffVMTaskAsync(vm)|} }).ConfigureAwait(false);
                    await Task.WhenAll(new[] { vm, other }.Select(each => {|#3:client.Service.ResetVMTaskAsync(each)|}).ToList());
                    var refs = await Task.WhenAll(new[] { vm, other }.Select(async each => await {|#4:client.Service.SuspendVMTaskAsync(each)|}));
                    await Task.WhenAny({|#5:client.Service.PowerOnVMTaskAsync(vm)|}, Task.Delay(1000));
                    """),
                Verify.Diagnostic("ESX0002").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "discarded", "PowerOnVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(1).WithArguments("PowerOnVMTaskAsync", "discarded", "PowerOnVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(2).WithArguments("PowerOffVMTaskAsync", "discarded", "PowerOffVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(3).WithArguments("ResetVMTaskAsync", "discarded", "ResetVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(4).WithArguments("SuspendVMTaskAsync", "kept in 'refs' and never read", "SuspendVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(5).WithArguments("PowerOnVMTaskAsync", "discarded", "PowerOnVM_Task"));
        }

        [Fact]
        public async Task Starts_given_to_WhenAll_whose_result_is_kept_or_to_a_collection_are_not_reported()
        {
            await Verify.AnalyzeAsync("using System.Linq;\n" + Sources.Method("""
                var refs = await Task.WhenAll(client.Service.PowerOnVMTaskAsync(vm), client.Service.PowerOnVMTaskAsync(other));
                Keep(refs[0].Value);
                Keep(await Task.WhenAll(new[] { vm, other }.Select(each => client.Service.PowerOffVMTaskAsync(each))));
                var pending = new System.Collections.Generic.List<Task<ManagedObjectReference>>();
                pending.Add(client.Service.ResetVMTaskAsync(vm));
                await Task.WhenAll(pending);
                var started = new[] { vm, other }.Select(each => client.Service.SuspendVMTaskAsync(each)).ToList();
                await Task.WhenAll(started);
                var all = Task.WhenAll(client.Service.PowerOnVMTaskAsync(vm));
                Keep(all);
                """));
        }

        [Fact]
        public async Task A_service_of_an_own_binding_in_loops_and_LINQ_is_followed()
        {
            await Verify.AnalyzeAsync(
                "using System.Linq;\n" + Sources.OwnBinding + """
                sealed class PowerCycler
                {
                    private readonly Own.VimService service = new();

                    async Task PowerOnAllAsync(System.Collections.Generic.IReadOnlyList<Own.ManagedObjectReference> vms)
                    {
                        await Task.WhenAll(vms.Select(vm => {|#0:this.service.PowerOnVMTaskAsync(vm)|}));
                        Own.ManagedObjectReference? task = null;
                        for (int i = 0; i < vms.Count; i++)
                        {
                            task = await {|#1:this.service.PowerOnVMTaskAsync(vms[i])|};
                        }

                        task = null;
                        Keep(task);
                    }

                    async Task<Own.ManagedObjectReference[]> StartAllAsync(System.Collections.Generic.IReadOnlyList<Own.ManagedObjectReference> vms)
                    {
                        Own.ManagedObjectReference? previous = null;
                        foreach (var vm in vms)
                        {
                            Keep(previous);
                            previous = await this.service.PowerOnVMTaskAsync(vm);
                        }

                        return await Task.WhenAll(vms.Select(async vm => await this.service.PowerOnVMTaskAsync(vm)));
                    }

                    static void Keep(object? value) { }
                }
                """,
                Verify.Diagnostic("ESX0002").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "discarded", "PowerOnVM_Task"),
                Verify.Diagnostic("ESX0002").WithLocation(1).WithArguments("PowerOnVMTaskAsync", "kept in 'task' and overwritten before it is read", "PowerOnVM_Task"));
        }
    }
}
