using System.Threading.Tasks;
using EsxSdk.Analyzers.Tests.Support;
using Xunit;
using Verify = EsxSdk.Analyzers.Tests.Support.Verifier<EsxSdk.Analyzers.RawTaskStartAnalyzer>;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>
    /// ESX0001 as a flow analysis: targets by symbol and value flow (aliases, elements, writes), checks on every path
    /// (joins, loops, flags), only awaited checks, helpers and local functions, and the client as part of the identity.
    /// </summary>
    public sealed class PrecheckFlowTests
    {
        private static string InMethod(string body) => Sources.Method(body);

        private static string InClass(string members) => Sources.Prelude + """
            using System.Collections.Generic;
            using System.Linq;

            sealed class Example
            {
            """ + "\n    " + members.Replace("\n", "\n    ") + """

                static void Keep(object? value) { }
            }
            """;

        [Fact]
        public async Task A_check_through_an_alias_covers_the_original()
        {
            await Verify.AnalyzeAsync(InMethod("""
                var target = vm;
                await client.EnsureNotBlockedAsync(target);
                Keep(await client.Service.PowerOnVMTaskAsync(vm));
                """));
        }

        [Fact]
        public async Task A_check_of_the_original_covers_a_start_through_a_later_copy()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await client.EnsureNotBlockedAsync(vm);
                ManagedObjectReference same = vm;
                Keep(await client.Service.PowerOnVMTaskAsync(same));
                """));
        }

        [Fact]
        public async Task A_checked_variable_reassigned_before_the_start_is_reported()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    var target = vm;
                    await client.EnsureNotBlockedAsync(target);
                    target = other;
                    Keep(await {|#0:client.Service.PowerOnVMTaskAsync(target)|});
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "target"));
        }

        [Fact]
        public async Task An_alias_reassigned_after_the_check_leaves_the_original_checked()
        {
            await Verify.AnalyzeAsync(InMethod("""
                var target = vm;
                await client.EnsureNotBlockedAsync(target);
                target = other;
                Keep(target);
                Keep(await client.Service.PowerOnVMTaskAsync(vm));
                """));
        }

        [Fact]
        public async Task An_element_checked_and_started_in_the_same_iteration_is_fine()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference[] vms)
                {
                    for (int i = 0; i < vms.Length; i++)
                    {
                        await client.EnsureNotBlockedAsync(vms[i]);
                        Keep(await client.Service.PowerOnVMTaskAsync(vms[i]));
                    }
                }
                """));
        }

        [Fact]
        public async Task An_element_whose_index_changed_after_the_check_is_reported()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient client, List<ManagedObjectReference> vms)
                    {
                        int i = 0;
                        await client.EnsureNotBlockedAsync(vms[i]);
                        i++;
                        Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vms[i])|});
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vms[i]"));
        }

        [Fact]
        public async Task A_check_in_both_branches_covers_the_start_after_them()
        {
            await Verify.AnalyzeAsync(InMethod("""
                if (ct.CanBeCanceled)
                {
                    await client.EnsureNotBlockedAsync(vm, cancellationToken: ct);
                }
                else
                {
                    await client.EnsureNotBlockedAsync(vm, QuestionPolicy.AnswerWithDefault);
                }

                Keep(await client.Service.PowerOnVMTaskAsync(vm));
                """));
        }

        [Fact]
        public async Task A_loop_that_only_exits_after_the_check_covers_the_start()
        {
            await Verify.AnalyzeAsync(InMethod("""
                while (true)
                {
                    await client.EnsureNotBlockedAsync(vm);
                    break;
                }

                Keep(await client.Service.PowerOnVMTaskAsync(vm));
                """));
        }

        [Fact]
        public async Task A_retry_loop_that_can_exit_before_the_check_does_not_cover_the_start()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    for (int attempt = 0; attempt < 3; attempt++)
                    {
                        if (ct.IsCancellationRequested)
                        {
                            break;
                        }

                        await client.EnsureNotBlockedAsync(vm);
                    }

                    Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task Check_and_start_behind_the_same_unchanged_flag_are_fine()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference vm, bool powerOn)
                {
                    if (powerOn)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                    }

                    System.Console.WriteLine("working");
                    if (powerOn)
                    {
                        Keep(await client.Service.PowerOnVMTaskAsync(vm));
                    }
                }
                """));
        }

        [Fact]
        public async Task A_flag_changed_between_check_and_start_is_reported()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient client, ManagedObjectReference vm, bool powerOn)
                    {
                        if (powerOn)
                        {
                            await client.EnsureNotBlockedAsync(vm);
                        }

                        powerOn = !powerOn;
                        if (powerOn)
                        {
                            Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                        }
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Theory]
        [InlineData("_ = client.EnsureNotBlockedAsync(vm);")]
        [InlineData("#pragma warning disable CS4014\nclient.EnsureNotBlockedAsync(vm);\n#pragma warning restore CS4014")]
        public async Task A_check_that_is_not_awaited_does_not_count(string check)
        {
            await Verify.AnalyzeAsync(
                InMethod(check + "\nKeep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});"),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_awaited_only_after_the_start_does_not_count()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    Task check = client.EnsureNotBlockedAsync(vm);
                    Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    await check;
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_whose_task_is_awaited_before_the_start_counts()
        {
            await Verify.AnalyzeAsync(InMethod("""
                Task checkVm = client.EnsureNotBlockedAsync(vm);
                Task checkOther = client.EnsureNotBlockedAsync(other);
                await Task.WhenAll(checkVm, checkOther);
                Keep(await client.Service.PowerOnVMTaskAsync(vm));
                Keep(await client.Service.PowerOnVMTaskAsync(other));
                """));
        }

        [Fact]
        public async Task Two_starts_after_one_check_report_the_second()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    await client.EnsureNotBlockedAsync(vm);
                    Keep(await client.Service.PowerOnVMTaskAsync(vm));
                    Keep(await {|#0:client.Service.ResetVMTaskAsync(vm)|});
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("ResetVMTaskAsync", "ResetVM_Task", "vm"));
        }

        [Fact]
        public async Task Waiting_for_the_first_task_before_the_second_start_is_fine()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference vm)
                {
                    await client.EnsureNotBlockedAsync(vm);
                    ManagedObjectReference first = await client.Service.PowerOnVMTaskAsync(vm);
                    await WaitForTaskAsync(client, first);
                    Keep(await client.Service.ResetVMTaskAsync(vm));
                }

                static Task WaitForTaskAsync(VimClient client, ManagedObjectReference task) => Task.CompletedTask;
                """));
        }

        [Fact]
        public async Task A_check_through_one_client_does_not_cover_a_start_through_another()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient source, VimClient target, ManagedObjectReference vm)
                    {
                        await source.EnsureNotBlockedAsync(vm);
                        Keep(await {|#0:target.Service.PowerOnVMTaskAsync(vm)|});
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_check_through_the_client_of_a_service_copy_covers_the_start()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference vm)
                {
                    VimService service = client.Service;
                    await client.EnsureNotBlockedAsync(vm);
                    Keep(await service.PowerOnVMTaskAsync(vm));
                }
                """));
        }

        [Fact]
        public async Task Every_element_checked_in_a_foreach_covers_starts_in_a_later_foreach()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, IReadOnlyList<ManagedObjectReference> vms)
                {
                    foreach (ManagedObjectReference vm in vms)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                    }

                    foreach (ManagedObjectReference vm in vms)
                    {
                        Keep(await client.Service.PowerOnVMTaskAsync(vm));
                    }
                }
                """));
        }

        [Fact]
        public async Task A_foreach_that_skips_the_check_for_some_elements_covers_none()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient client, IReadOnlyList<ManagedObjectReference> vms)
                    {
                        foreach (ManagedObjectReference vm in vms)
                        {
                            if (vm.Value == "vm-1")
                            {
                                continue;
                            }

                            await client.EnsureNotBlockedAsync(vm);
                        }

                        foreach (ManagedObjectReference vm in vms)
                        {
                            Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                        }
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task All_elements_checked_with_WhenAll_cover_starts_in_a_loop()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, List<ManagedObjectReference> vms)
                {
                    await Task.WhenAll(vms.Select(vm => client.EnsureNotBlockedAsync(vm)));
                    foreach (var vm in vms)
                    {
                        Keep(await client.Service.PowerOnVMTaskAsync(vm));
                    }

                    for (int i = 0; i < vms.Count; i++)
                    {
                        Keep(await client.Service.ResetVMTaskAsync(vms[i]));
                    }
                }
                """));
        }

        [Fact]
        public async Task An_unchecked_start_inside_a_lambda_not_handed_to_a_runner_is_reported()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient client, List<ManagedObjectReference> vms)
                    {
                        ManagedObjectReference[] tasks = await Task.WhenAll(vms.Select(vm => {|#0:client.Service.PowerOnVMTaskAsync(vm)|}));
                        Keep(tasks);
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_lambda_that_checks_then_starts_its_own_element_is_fine()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, List<ManagedObjectReference> vms)
                {
                    ManagedObjectReference[] tasks = await Task.WhenAll(vms.Select(async vm =>
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        return await client.Service.PowerOnVMTaskAsync(vm);
                    }));
                    Keep(tasks);
                }
                """));
        }

        [Fact]
        public async Task A_helper_of_the_compilation_that_checks_its_parameter_counts()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference vm)
                {
                    await EnsureIdleAsync(client, vm);
                    Keep(await client.Service.PowerOnVMTaskAsync(vm));
                }

                static async Task EnsureIdleAsync(VimClient client, ManagedObjectReference target)
                {
                    System.Console.WriteLine("checking " + target.Value);
                    if (target.Type != "VirtualMachine")
                    {
                        await client.EnsureNotBlockedAsync(target, QuestionPolicy.Report);
                        return;
                    }

                    await client.EnsureNotBlockedAsync(target);
                }
                """));
        }

        [Fact]
        public async Task A_helper_that_checks_only_on_some_paths_does_not_count()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await MaybeCheckAsync(client, vm);
                        Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    }

                    static async Task MaybeCheckAsync(VimClient client, ManagedObjectReference target)
                    {
                        if (target.Type == "VirtualMachine")
                        {
                            await client.EnsureNotBlockedAsync(target);
                        }
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_helper_that_checks_every_element_of_its_list_counts_for_the_list()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference[] vms)
                {
                    await CheckAllAsync(client, vms);
                    foreach (ManagedObjectReference vm in vms)
                    {
                        Keep(await client.Service.PowerOnVMTaskAsync(vm));
                    }
                }

                static async Task CheckAllAsync(VimClient client, IEnumerable<ManagedObjectReference> targets)
                {
                    foreach (ManagedObjectReference target in targets)
                    {
                        await client.EnsureNotBlockedAsync(target);
                    }
                }
                """));
        }

        [Fact]
        public async Task A_local_function_called_only_after_the_check_is_fine()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await client.EnsureNotBlockedAsync(vm);
                await StartAsync();

                async Task StartAsync() => Keep(await client.Service.PowerOnVMTaskAsync(vm));
                """));
        }

        [Fact]
        public async Task A_local_function_called_once_before_the_check_is_reported()
        {
            await Verify.AnalyzeAsync(
                InMethod("""
                    await StartAsync();
                    await client.EnsureNotBlockedAsync(vm);
                    await StartAsync();

                    async Task StartAsync() => Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnVMTaskAsync", "PowerOnVM_Task", "vm"));
        }

        [Fact]
        public async Task A_local_function_checked_at_each_call_through_its_parameter_is_fine()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await client.EnsureNotBlockedAsync(vm);
                await StartAsync(vm);
                await client.EnsureNotBlockedAsync(other);
                await StartAsync(other);

                async Task StartAsync(ManagedObjectReference target) => Keep(await client.Service.PowerOnVMTaskAsync(target));
                """));
        }

        [Fact]
        public async Task A_local_function_handed_to_the_runner_is_the_runners_business()
        {
            await Verify.AnalyzeAsync(InMethod("""
                await client.RunTaskAsync(vm, StartAsync, null, ct);

                Task<ManagedObjectReference> StartAsync(CancellationToken token) => client.Service.PowerOnVMTaskAsync(vm, cancellationToken: token);
                """));
        }

        [Fact]
        public async Task A_check_inside_a_retry_helpers_lambda_covers_the_start_after_it()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference vm)
                {
                    await RetryAsync(() => client.EnsureNotBlockedAsync(vm));
                    Keep(await client.Service.PowerOnVMTaskAsync(vm));
                    await RetryAsync(async () =>
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        Keep(await client.Service.ResetVMTaskAsync(vm));
                    });
                }

                static async Task RetryAsync(System.Func<Task> action)
                {
                    for (int attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await action();
                            return;
                        }
                        catch (VimConnectionException) when (attempt < 3)
                        {
                        }
                    }
                }
                """));
        }

        [Fact]
        public async Task The_targets_of_PowerOnMultiVM_are_its_VMs_not_the_datacenter()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient client, ManagedObjectReference datacenter, ManagedObjectReference[] vms)
                    {
                        await client.EnsureNotBlockedAsync(datacenter);
                        Keep(await {|#0:client.Service.PowerOnMultiVMTaskAsync(datacenter, vms)|});
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnMultiVMTaskAsync", "PowerOnMultiVM_Task", "vms"));
        }

        [Fact]
        public async Task PowerOnMultiVM_after_every_VM_was_checked_is_fine()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference datacenter, ManagedObjectReference[] vms, ManagedObjectReference a, ManagedObjectReference b)
                {
                    foreach (ManagedObjectReference vm in vms)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                    }

                    Keep(await client.Service.PowerOnMultiVMTaskAsync(datacenter, vms));
                    await Task.WhenAll(client.EnsureNotBlockedAsync(a), client.EnsureNotBlockedAsync(b));
                    Keep(await client.Service.PowerOnMultiVMTaskAsync(datacenter, new[] { a, b }));
                }
                """));
        }

        [Fact]
        public async Task PowerOnMultiVM_with_one_VM_of_an_array_unchecked_is_reported()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient client, ManagedObjectReference datacenter, ManagedObjectReference a, ManagedObjectReference b)
                    {
                        await client.EnsureNotBlockedAsync(a);
                        Keep(await {|#0:client.Service.PowerOnMultiVMTaskAsync(datacenter, new[] { a, b })|});
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnMultiVMTaskAsync", "PowerOnMultiVM_Task", "new[] { a, b }"));
        }

        [Fact]
        public async Task An_optional_VM_target_left_out_or_null_needs_no_check()
        {
            await Verify.AnalyzeAsync(
                InClass("""
                    async Task RunAsync(VimClient client, ManagedObjectReference primary, ManagedObjectReference secondary)
                    {
                        await client.EnsureNotBlockedAsync(primary);
                        Keep(await client.Service.TerminateFaultTolerantVMTaskAsync(primary));
                        await client.EnsureNotBlockedAsync(primary);
                        Keep(await client.Service.TerminateFaultTolerantVMTaskAsync(primary, null));
                        await client.EnsureNotBlockedAsync(primary);
                        Keep(await {|#0:client.Service.TerminateFaultTolerantVMTaskAsync(primary, secondary)|});
                    }
                    """),
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("TerminateFaultTolerantVMTaskAsync", "TerminateFaultTolerantVM_Task", "secondary"));
        }

        [Fact]
        public async Task A_task_on_no_VM_needs_no_check()
        {
            await Verify.AnalyzeAsync(InClass("""
                async Task RunAsync(VimClient client, ManagedObjectReference folder, VirtualMachineConfigSpec spec, ManagedObjectReference pool)
                {
                    Keep(await client.Service.CreateVMTaskAsync(folder, spec, pool));
                }
                """));
        }

        [Fact]
        public async Task A_start_in_unreachable_code_is_left_to_the_compiler()
        {
            await Verify.AnalyzeAsync(InMethod("""
                if (ct.CanBeCanceled)
                {
                    return;
                }

                throw new System.InvalidOperationException("stopped");
                Keep(await client.Service.PowerOnVMTaskAsync(vm));
                """));
        }

        [Fact]
        public async Task Top_level_statements_are_analysed_like_a_method()
        {
            await Verify.AnalyzeAsync(
                Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                """
                using EsxSdk.Properties;
                using EsxSdk.Session;
                using EsxSdk.Tasks;
                using EsxSdk.Vim25;

                await using VimClient client = await VimClient.ConnectAsync("https://127.0.0.1/sdk", null);
                ManagedObjectReference vm = await client.FindVirtualMachineByNameAsync("web01") ?? throw new System.InvalidOperationException();
                var alias = vm;
                await client.EnsureNotBlockedAsync(alias);
                System.Console.WriteLine(await client.Service.PowerOnVMTaskAsync(vm));
                System.Console.WriteLine(await {|#0:client.Service.ResetVMTaskAsync(vm)|});
                """,
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("ResetVMTaskAsync", "ResetVM_Task", "vm"));
        }
    }
}
