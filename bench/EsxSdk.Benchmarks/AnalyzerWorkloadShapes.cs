using System;
using System.Collections.Generic;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// One way application code starts a vim25 task, as a method of <c>Operations</c> (a class holding a <c>VimClient client</c>),
    /// with the diagnostics the EsxSdk rules give it. Weights say how common the shape is in the generated solution.
    /// </summary>
    public sealed record AnalyzerWorkloadShape(string Name, int Weight, IReadOnlyDictionary<string, int> Expected, Func<string, string, string> Method);

    /// <summary>The shapes of the analyzer benchmark, taken from the analyzer tests' corpus (tests/EsxSdk.Analyzers.Tests/Corpus).</summary>
    public static class AnalyzerWorkloadShapes
    {
        /// <summary>
        /// Operations whose starter (<c>{op}TaskAsync</c>) and wrapper (<c>{op}Async</c>) take only the VM and optional
        /// arguments, so every shape can call any of them.
        /// </summary>
        public static readonly string[] Operations = ["PowerOnVM", "PowerOffVM", "ResetVM", "SuspendVM"];

        private static readonly Dictionary<string, int> Clean = [];

        /// <summary>Arguments of <see cref="AnalyzerWorkloadShape.Method"/>: the method's name and one of <see cref="Operations"/>.</summary>
        public static readonly AnalyzerWorkloadShape[] All =
        [
            new("check then start", 15, Clean, (name, op) => $$"""
                public async Task<ManagedObjectReference> {{name}}(ManagedObjectReference vm, CancellationToken ct)
                {
                    await client.EnsureNotBlockedAsync(vm, cancellationToken: ct).ConfigureAwait(false);
                    return await client.Service.{{op}}TaskAsync(vm, cancellationToken: ct).ConfigureAwait(false);
                }
                """),
            new("loop over found VMs, check and start each", 10, Clean, (name, op) => $$"""
                public async Task<List<ManagedObjectReference>> {{name}}(IEnumerable<string> names, CancellationToken ct)
                {
                    var tasks = new List<ManagedObjectReference>();
                    foreach (string name in names)
                    {
                        ManagedObjectReference? vm = await client.FindVirtualMachineByNameAsync(name, ct);
                        if (vm is null || name.StartsWith("template-", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        await client.EnsureNotBlockedAsync(vm, cancellationToken: ct);
                        tasks.Add(await client.Service.{{op}}TaskAsync(vm, cancellationToken: ct));
                    }

                    return tasks;
                }
                """),
            new("WhenAll over checked starts", 8, Clean, (name, op) => $$"""
                public Task<ManagedObjectReference[]> {{name}}(IEnumerable<ManagedObjectReference> vms)
                    => Task.WhenAll(vms.Where(v => v.Value.StartsWith("vm-", StringComparison.Ordinal)).Select(async vm =>
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        return await client.Service.{{op}}TaskAsync(vm);
                    }));
                """),
            new("WhenAll over unchecked starts", 4, Rule("ESX0001"), (name, op) => $$"""
                public Task<ManagedObjectReference[]> {{name}}(IEnumerable<ManagedObjectReference> vms)
                    => Task.WhenAll(vms.Select(vm => client.Service.{{op}}TaskAsync(vm)));
                """),
            new("a helper of the project checks its parameter", 10, Clean, (name, op) => $$"""
                public async Task<ManagedObjectReference> {{name}}(ManagedObjectReference vm)
                {
                    await client.MustBeIdleAsync(vm);
                    Console.WriteLine("{{name}} on " + vm.Value);
                    return await client.Service.{{op}}TaskAsync(vm);
                }
                """),
            new("a local function called after the check", 6, Clean, (name, op) => $$"""
                public async Task {{name}}(ManagedObjectReference vm)
                {
                    await client.EnsureNotBlockedAsync(vm);
                    Console.WriteLine(await StartAsync(vm));

                    Task<ManagedObjectReference> StartAsync(ManagedObjectReference target) => client.Service.{{op}}TaskAsync(target);
                }
                """),
            new("retry lambda around an unchecked start", 4, Rule("ESX0001"), (name, op) => $$"""
                public async Task<ManagedObjectReference> {{name}}(ManagedObjectReference vm)
                {
                    await client.EnsureNotBlockedAsync(vm);
                    return await Guard.RetryAsync(() => client.Service.{{op}}TaskAsync(vm));
                }
                """),
            new("retry around the check, start after it", 4, Clean, (name, op) => $$"""
                public async Task<ManagedObjectReference> {{name}}(ManagedObjectReference vm)
                {
                    await Guard.RetryCheckAsync(async () => await client.EnsureNotBlockedAsync(vm));
                    return await client.Service.{{op}}TaskAsync(vm);
                }
                """),
            new("if/else with a check in both branches", 8, Clean, (name, op) => $$"""
                public async Task<ManagedObjectReference> {{name}}(ManagedObjectReference vm, bool interactive, CancellationToken ct)
                {
                    if (interactive)
                    {
                        await client.EnsureNotBlockedAsync(vm, QuestionPolicy.Report, ct);
                    }
                    else
                    {
                        Console.WriteLine("unattended: {{name}}");
                        await client.EnsureNotBlockedAsync(vm, cancellationToken: ct);
                    }

                    return await client.Service.{{op}}TaskAsync(vm, cancellationToken: ct);
                }
                """),
            new("a flag skips the check", 5, Rule("ESX0001"), (name, op) => $$"""
                public async Task<ManagedObjectReference> {{name}}(ManagedObjectReference vm, bool force)
                {
                    if (!force)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                    }

                    return await client.Service.{{op}}TaskAsync(vm);
                }
                """),
            new("raw start without a check", 6, Rule("ESX0001"), (name, op) => $$"""
                public Task<ManagedObjectReference> {{name}}(ManagedObjectReference vm) => client.Service.{{op}}TaskAsync(vm);
                """),
            new("task reference dropped", 6, Rule("ESX0002"), (name, op) => $$"""
                public async Task {{name}}(ManagedObjectReference vm)
                {
                    await client.EnsureNotBlockedAsync(vm);
                    await client.Service.{{op}}TaskAsync(vm);
                }
                """),
            new(".Result on a starter", 4, Rule("ESX0004"), (name, op) => $$"""
                public async Task<string> {{name}}(ManagedObjectReference vm)
                {
                    await client.EnsureNotBlockedAsync(vm);
                    return client.Service.{{op}}TaskAsync(vm).Result.Value;
                }
                """),
            new(".Wait() on a wrapper", 4, Rule("ESX0004"), (name, op) => $$"""
                public void {{name}}(ManagedObjectReference vm)
                {
                    client.Service.{{op}}Async(vm).Wait();
                }
                """),
            new("connection URI with auto_answer=1", 3, Rule("ESX0003"), (name, _) => $$"""
                public Task<VimClient> {{name}}(NetworkCredential credential)
                    => VimClient.ConnectAsync("vpx://{{name.ToLowerInvariant()}}.example.com/sdk?no_verify=1&auto_answer=1", credential);
                """),
            new("connection URI without auto_answer", 3, Clean, (name, _) => $$"""
                public Task<VimClient> {{name}}(NetworkCredential credential)
                    => VimClient.ConnectAsync("vpx://{{name.ToLowerInvariant()}}.example.com/sdk?no_verify=1", credential);
                """),
        ];

        private static Dictionary<string, int> Rule(string id) => new() { [id] = 1 };
    }
}
