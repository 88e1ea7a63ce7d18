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
    }
}
