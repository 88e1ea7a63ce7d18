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
        private const string UseWrapper = RawTaskStartCodeFixProvider.UseWrapperKey;
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
                UseWrapper,
                Expected(0, "vm"),
                Expected(1, "other"));
        }

        [Fact]
        public async Task Use_the_wrapper_is_not_offered_when_the_task_reference_is_used()
        {
            string source = Sources.Method("ManagedObjectReference task = await {|#0:client.Service.PowerOnVMTaskAsync(vm)|}; Keep(task);");
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(source, source, UseWrapper, Expected(0, "vm"));
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
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(source, source, UseWrapper, Expected(0, "vm"));
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
                InsertPrecheck,
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
                InsertPrecheck,
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
            await Verify.FixAsync<RawTaskStartCodeFixProvider>(source, source, InsertPrecheck, Expected(0, "vm"));
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
                InsertPrecheck,
                Expected(0, "vm"),
                Expected(1, "vm", "PowerOffVMTaskAsync", "PowerOffVM_Task"));
        }

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int location, string target, string method = "PowerOnVMTaskAsync", string operation = "PowerOnVM_Task")
            => Verify.Diagnostic("ESX0001").WithLocation(location).WithArguments(method, operation, target);
    }
}
