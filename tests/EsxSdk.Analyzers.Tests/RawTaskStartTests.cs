using System.Threading.Tasks;
using EsxSdk.Analyzers.Tests.Support;
using Xunit;
using Verify = EsxSdk.Analyzers.Tests.Support.Verifier<EsxSdk.Analyzers.RawTaskStartAnalyzer>;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>ESX0001: a raw starter needs a pre-check of its target earlier on every path of the same function.</summary>
    public sealed class RawTaskStartTests
    {
        private static string InMethod(string body) => Sources.Method(body);

        [Fact]
        public async Task A_raw_start_without_a_check_is_reported_with_operation_and_target()
        {
            await Verify.AnalyzeAsync(
                InMethod("ManagedObjectReference task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|}; Keep(task);"),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_of_the_same_target_just_before_is_enough()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await client.EnsureNotBlockedAsync(vm);
                Keep(await client.Service.PowerOnVMTaskAsync(vm));
                """));
        }

        [Fact]
        public async Task A_check_that_holds_on_every_path_through_branches_covers_the_start()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await client.EnsureNotBlockedAsync(vm, QuestionPolicy.Report, ct).ConfigureAwait(false);
                if (ct.CanBeCanceled)
                {
                    Keep(await client.Service.PowerOffVMTaskAsync(vm!, ct).ConfigureAwait(false));
                }
                else
                {
                    Keep(await client.Service.ResetVMTaskAsync(vm, ct));
                }
                """));
        }

        [Fact]
        public async Task One_check_before_a_loop_covers_the_first_start_only()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    await client.EnsureNotBlockedAsync(vm);
                    for (int i = 0; i < 3; i++)
                    {
                        Keep(await {|#0:client.Service.ResetVMTaskAsync(vm, ct)|});
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("ResetVMTaskAsync", "ResetVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_in_each_iteration_covers_the_start_in_it()
        {
            await Verify.AnalyzeAsync(InMethod("""
                for (int i = 0; i < 3; i++)
                {
                    await client.EnsureNotBlockedAsync(vm, cancellationToken: ct);
                    Keep(await client.Service.ResetVMTaskAsync(vm, ct));
                }
                """));
        }

        [Fact]
        public async Task A_check_on_one_branch_only_does_not_cover_the_other_path()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    if (ct.CanBeCanceled)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                    }

                    Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_before_a_try_covers_the_start_inside_it()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await client.EnsureNotBlockedAsync(vm);
                try
                {
                    Keep(await client.Service.PowerOnVMTaskAsync(vm));
                }
                catch (VimFaultException fault)
                {
                    Keep(fault);
                }
                """));
        }

        [Fact]
        public async Task A_check_whose_failure_is_swallowed_does_not_cover_the_start_after_it()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    try
                    {
                        await client.EnsureNotBlockedAsync(vm);
                    }
                    catch (VimBlockedException blocked)
                    {
                        Keep(blocked);
                    }

                    Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_on_another_target_does_not_count()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    await client.EnsureNotBlockedAsync(other);
                    Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_after_the_call_does_not_count()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    ManagedObjectReference task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};
                    await client.EnsureNotBlockedAsync(vm);
                    Keep(task);
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_outside_a_lambda_does_not_cover_a_start_inside_it()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    await client.EnsureNotBlockedAsync(vm);
                    System.Func<Task> later = async () => Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    await later();
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_and_start_inside_the_same_lambda_are_fine()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await Parallel.ForEachAsync(new[] { vm, other }, ct, async (each, token) =>
                {
                    await client.EnsureNotBlockedAsync(each, cancellationToken: token);
                    Keep(await client.Service.PowerOnVMTaskAsync(each, cancellationToken: token));
                });
                """));
        }

        [Fact]
        public async Task The_wrapper_and_the_runner_are_not_reported()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Policy = QuestionPolicy.Report }, cancellationToken: ct);
                object? result = await client.RunTaskAsync(vm, token => client.Service.PowerOffVMTaskAsync(vm, token), null, ct);
                await client.RunTaskAsync(vm, async token => await client.Service.ResetVMTaskAsync(vm, token).ConfigureAwait(false));
                await client.RunTaskAsync(vm, async token =>
                {
                    ManagedObjectReference started = await client.Service.SuspendVMTaskAsync(vm, token);
                    return started;
                });
                """));
        }

        [Fact]
        public async Task A_helper_marked_as_precheck_counts_as_the_check()
        {
            await Verify.AnalyzeAsync(Sources.Prelude + """
                static class Checks
                {
                    [VimTaskPrecheck]
                    public static Task MustBeIdleAsync(this VimClient client, ManagedObjectReference target) => client.EnsureNotBlockedAsync(target);
                }

                sealed class Example
                {
                    async Task<ManagedObjectReference> StartAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await client.MustBeIdleAsync(vm);
                        return await client.Service.PowerOnVMTaskAsync(vm);
                    }
                }
                """);
        }

        [Fact]
        public async Task Generated_code_is_not_analyzed()
        {
            await Verify.AnalyzeAsync("// <auto-generated/>\n" + InMethod("Keep(await client.Service.PowerOnVMTaskAsync(vm));"));
        }

        [Fact]
        public async Task A_starter_of_a_binding_without_wrappers_is_reported_too()
        {
            await Verify.AnalyzeAsync(
                Sources.OwnBinding + """
                sealed class Example
                {
                    async Task<Own.ManagedObjectReference> StartAsync(Own.VimService service, Own.ManagedObjectReference vm)
                        => await {|#0:service.PowerOnVMTaskAsync(vm)|};
                }
                """,
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }
    }
}
