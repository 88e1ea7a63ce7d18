using System.Threading.Tasks;
using EsxSdk.Analyzers.CodeFixes;
using EsxSdk.Analyzers.Tests.Support;
using Xunit;
using Verify = EsxSdk.Analyzers.Tests.Support.Verifier<EsxSdk.Analyzers.RawTaskStartAnalyzer>;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>ESX0001 fixes: use the question-aware wrapper, or insert the pre-check before the statement.</summary>
    public sealed class RawTaskStartFixTests
    {
        private const string Preferred = RawTaskStartCodeFixProvider.PreferredKey;
        private const string InsertPrecheck = RawTaskStartCodeFixProvider.InsertPrecheckKey;

        [Fact]
        public async Task Use_the_wrapper_keeps_the_arguments_and_names_a_positional_token()
        {
            await Verify.FixAllAsync<RawTaskStartCodeFixProvider>(
                Sources.Method("""
                    await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};
                    await {|#1:client.Service.PowerOnVMTaskAsync(other, null, ct)|}.ConfigureAwait(false);
                    """),
                Sources.Method("""
                    await client.Service.PowerOnVMAsync(vm);
                    await client.Service.PowerOnVMAsync(other, null, cancellationToken: ct).ConfigureAwait(false);
                    """),
                Preferred,
                Expected(0, "vm"),
                Expected(1, "other"));
        }

        [Fact]
        public async Task When_the_task_reference_is_used_the_preferred_fix_is_the_check_and_no_second_fix_is_offered()
        {
            string source = Sources.Method("ManagedObjectReference task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|}; Keep(task);");
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(
                source,
                Sources.Method("await client.EnsureNotBlockedAsync(vm);\nManagedObjectReference task = await client.Service.PowerOnVMTaskAsync(vm); Keep(task);"),
                Preferred,
                Expected(0, "vm"));
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(source, source, InsertPrecheck, Expected(0, "vm"));
        }

        [Fact]
        public async Task Where_the_wrapper_fits_the_check_is_the_second_fix()
        {
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(
                Sources.Method("await {|#0:client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct)|};"),
                Sources.Method("await client.EnsureNotBlockedAsync(vm, cancellationToken: ct);\nawait client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct);"),
                InsertPrecheck,
                Expected(0, "vm"));
        }

        [Fact]
        public async Task A_batch_run_applies_each_diagnostics_preferred_fix()
        {
            await Verify.FixAllAsync<RawTaskStartCodeFixProvider>(
                Sources.Method("""
                    ManagedObjectReference task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};
                    Keep(task);
                    await {|#1:client.Service.PowerOffVMTaskAsync(other)|};
                    """),
                Sources.Method("""
                    await client.EnsureNotBlockedAsync(vm);
                    ManagedObjectReference task = await client.Service.PowerOnVMTaskAsync(vm);
                    Keep(task);
                    await client.Service.PowerOffVMAsync(other);
                    """),
                Preferred,
                Expected(0, "vm"),
                Expected(1, "other", "PowerOffVMTaskAsync", "PowerOffVM_Task"));
        }

        [Fact]
        public async Task Use_the_wrapper_is_not_offered_for_a_binding_without_wrappers()
        {
            string source = Sources.OwnBinding + """
                sealed class Example
                {
                    async Task StartAsync(Own.VimService service, Own.ManagedObjectReference vm)
                    {
                        await {|#0:service.PowerOnVMTaskAsync(vm)|};
                    }
                }
                """;
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(source, source, Preferred, Expected(0, "vm"));
        }

        [Fact]
        public async Task Insert_the_precheck_before_each_statement_with_FixAll()
        {
            await Verify.FixAllAsync<RawTaskStartCodeFixProvider>(
                Sources.Method("""
                    ManagedObjectReference task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|};
                    Keep(task);
                    if (ct.CanBeCanceled)
                    {
                        Keep(await {|#1:client.Service.PowerOffVMTaskAsync(other, ct)|}.ConfigureAwait(false));
                    }
                    """),
                Sources.Method("""
                    await client.EnsureNotBlockedAsync(vm);
                    ManagedObjectReference task = await client.Service.PowerOnVMTaskAsync(vm);
                    Keep(task);
                    if (ct.CanBeCanceled)
                    {
                        await client.EnsureNotBlockedAsync(other, cancellationToken: ct).ConfigureAwait(false);
                        Keep(await client.Service.PowerOffVMTaskAsync(other, ct).ConfigureAwait(false));
                    }
                    """),
                Preferred,
                Expected(0, "vm", "PowerOnVMTaskAsync", "PowerOnVM_Task"),
                Expected(1, "other", "PowerOffVMTaskAsync", "PowerOffVM_Task"));
        }

        [Fact]
        public async Task Insert_the_precheck_finds_the_client_in_scope_and_adds_the_using()
        {
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(
                """
                using System.Threading.Tasks;
                using EsxSdk.Session;
                using EsxSdk.Vim25;

                sealed class Example(VimClient client)
                {
                    async Task<ManagedObjectReference> StartAsync(VimService service, ManagedObjectReference vm)
                    {
                        return await {|#0:service.PowerOnVMTaskAsync(vm)|};
                    }
                }
                """,
                """
                using System.Threading.Tasks;
                using EsxSdk.Session;
                using EsxSdk.Vim25;
                using EsxSdk.Tasks;

                sealed class Example(VimClient client)
                {
                    async Task<ManagedObjectReference> StartAsync(VimService service, ManagedObjectReference vm)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        return await service.PowerOnVMTaskAsync(vm);
                    }
                }
                """,
                Preferred,
                Expected(0, "vm"));
        }

        [Fact]
        public async Task Insert_the_precheck_is_not_offered_where_await_is_not_allowed()
        {
            string source = Sources.Prelude + """
                sealed class Example
                {
                    Task<ManagedObjectReference> Start(VimClient client, ManagedObjectReference vm)
                    {
                        return {|#0:client.Service.PowerOnVMTaskAsync(vm)|};
                    }
                }
                """;
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(source, source, Preferred, Expected(0, "vm"));
        }

        [Fact]
        public async Task Insert_the_precheck_works_in_top_level_statements_and_switch_sections()
        {
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(
                Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources.Prelude + """
                VimClient client = await VimClient.ConnectAsync(args[0], null);
                ManagedObjectReference vm = new("VirtualMachine", args[1]);
                switch (args.Length)
                {
                    case 2:
                        System.Console.WriteLine(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                        break;
                }

                System.Console.WriteLine(await {|#1:client.Service.PowerOffVMTaskAsync(vm)|});

                """,
                Sources.Prelude + """
                VimClient client = await VimClient.ConnectAsync(args[0], null);
                ManagedObjectReference vm = new("VirtualMachine", args[1]);
                switch (args.Length)
                {
                    case 2:
                        await client.EnsureNotBlockedAsync(vm);
                        System.Console.WriteLine(await client.Service.PowerOnVMTaskAsync(vm));
                        break;
                }

                await client.EnsureNotBlockedAsync(vm);
                System.Console.WriteLine(await client.Service.PowerOffVMTaskAsync(vm));

                """,
                Preferred,
                Expected(0, "vm"),
                Expected(1, "vm", "PowerOffVMTaskAsync", "PowerOffVM_Task"));
        }

        [Fact]
        public async Task A_computed_target_is_evaluated_once_into_a_local_the_check_and_the_start_share()
        {
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(
                Sources.Method("""
                    string target = "web01";
                    Keep(await {|#0:client.Service.PowerOnVMTaskAsync(await client.FindVirtualMachineByNameAsync(target) ?? vm)|});
                    """),
                Sources.Method("""
                    string target = "web01";
                    var target2 = await client.FindVirtualMachineByNameAsync(target) ?? vm;
                    await client.EnsureNotBlockedAsync(target2);
                    Keep(await client.Service.PowerOnVMTaskAsync(target2));
                    """),
                Preferred,
                Expected(0, "await client.FindVirtualMachineByNameAsync(target) ?? vm"));
        }

        [Fact]
        public async Task A_computed_target_after_an_argument_with_effects_gets_no_check_inserted()
        {
            string source = Sources.Prelude + """
                sealed class Example
                {
                    async Task RunAsync(VimClient client, ManagedObjectReference vm)
                    {
                        Keep(await {|#0:Service(client).PowerOnVMTaskAsync(await client.FindVirtualMachineByNameAsync("web01") ?? vm)|});
                    }

                    static VimService Service(VimClient client) => client.Service;

                    static void Keep(object? value) { }
                }
                """;
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(source, source, Preferred, Expected(0, "await client.FindVirtualMachineByNameAsync(\"web01\") ?? vm"));
        }

        [Fact]
        public async Task An_embedded_statement_becomes_a_block_with_the_check()
        {
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(
                Sources.Method("""
                    if (ct.CanBeCanceled)
                        Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vm)|});
                    """),
                Sources.Method("""
                    if (ct.CanBeCanceled)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        Keep(await client.Service.PowerOnVMTaskAsync(vm));
                    }
                    """),
                Preferred,
                Expected(0, "vm"));
        }

        [Fact]
        public async Task The_check_of_an_element_clears_the_warning_of_its_start()
        {
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(
                Sources.Prelude + """
                sealed class Example
                {
                    async Task RunAsync(VimClient client, ManagedObjectReference[] vms)
                    {
                        for (int i = 0; i < vms.Length; i++)
                        {
                            Keep(await {|#0:client.Service.PowerOnVMTaskAsync(vms[i])|});
                        }
                    }

                    static void Keep(object? value) { }
                }
                """,
                Sources.Prelude + """
                sealed class Example
                {
                    async Task RunAsync(VimClient client, ManagedObjectReference[] vms)
                    {
                        for (int i = 0; i < vms.Length; i++)
                        {
                            await client.EnsureNotBlockedAsync(vms[i]);
                            Keep(await client.Service.PowerOnVMTaskAsync(vms[i]));
                        }
                    }

                    static void Keep(object? value) { }
                }
                """,
                Preferred,
                Expected(0, "vms[i]"));
        }

        [Fact]
        public async Task No_check_is_inserted_before_a_loop_header_that_starts_every_iteration()
        {
            string source = Sources.Method("""
                while (await {|#0:client.Service.PowerOnVMTaskAsync(vm)|} is null)
                {
                    ct.ThrowIfCancellationRequested();
                }
                """);
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(source, source, Preferred, Expected(0, "vm"));
        }

        [Fact]
        public async Task The_check_for_PowerOnMultiVM_checks_each_VM_not_the_datacenter()
        {
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(
                Sources.Prelude + """
                sealed class Example
                {
                    async Task RunAsync(VimClient client, ManagedObjectReference datacenter, ManagedObjectReference[] vms, ManagedObjectReference vm)
                    {
                        await {|#0:client.Service.PowerOnMultiVMTaskAsync(datacenter, vms)|};
                    }
                }
                """,
                Sources.Prelude + """
                sealed class Example
                {
                    async Task RunAsync(VimClient client, ManagedObjectReference datacenter, ManagedObjectReference[] vms, ManagedObjectReference vm)
                    {
                        foreach (var vm2 in vms)
                        {
                            await client.EnsureNotBlockedAsync(vm2);
                        }
                        await client.Service.PowerOnMultiVMTaskAsync(datacenter, vms);
                    }
                }
                """,
                InsertPrecheck,
                Verify.Diagnostic("ESX0001").WithLocation(0).WithArguments("PowerOnMultiVMTaskAsync", "PowerOnMultiVM_Task", "vms"));
        }

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int location, string target, string method = "PowerOnVMTaskAsync", string operation = "PowerOnVM_Task")
            => Verify.Diagnostic("ESX0001").WithLocation(location).WithArguments(method, operation, target);
    }
}
