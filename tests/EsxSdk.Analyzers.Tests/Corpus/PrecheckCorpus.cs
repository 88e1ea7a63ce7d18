using System.Collections.Generic;

namespace EsxSdk.Analyzers.Tests.Corpus
{
    /// <summary>ESX0001 cases: how services, loops, LINQ, helpers and top-level code start tasks, right and wrong.</summary>
    internal static class PrecheckCorpus
    {
        public const string Header = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using EsxSdk;
            using EsxSdk.Properties;
            using EsxSdk.Session;
            using EsxSdk.Tasks;
            using EsxSdk.Vim25;

            """;

        public static IEnumerable<CorpusCase> Cases()
        {
            yield return new("service: check then start", Header + """
                sealed class PowerService(VimClient client)
                {
                    public async Task<ManagedObjectReference> PowerOnAsync(ManagedObjectReference vm, CancellationToken ct)
                    {
                        await client.EnsureNotBlockedAsync(vm, cancellationToken: ct).ConfigureAwait(false);
                        return await client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct).ConfigureAwait(false);
                    }
                }
                """);
            yield return new("service: start without check", Header + """
                sealed class PowerService(VimClient client)
                {
                    public Task<ManagedObjectReference> PowerOffAsync(ManagedObjectReference vm) => {|ESX0001:client.Service.PowerOffVMTaskAsync(vm)|};
                }
                """);
            yield return new("loop over found VMs, check and start each", Header + """
                static class Bulk
                {
                    public static async Task<List<ManagedObjectReference>> ResetAllAsync(VimClient client, IEnumerable<string> names)
                    {
                        var tasks = new List<ManagedObjectReference>();
                        foreach (string name in names)
                        {
                            ManagedObjectReference? vm = await client.FindVirtualMachineByNameAsync(name);
                            if (vm is null)
                            {
                                continue;
                            }

                            await client.EnsureNotBlockedAsync(vm);
                            tasks.Add(await client.Service.ResetVMTaskAsync(vm));
                        }

                        return tasks;
                    }
                }
                """);
            yield return new("LINQ filter then check and start", Header + """
                static class Bulk
                {
                    public static async Task SuspendAsync(VimClient client, IReadOnlyList<ManagedObjectReference> vms, List<ManagedObjectReference> started)
                    {
                        foreach (var vm in vms.Where(v => v.Value.StartsWith("vm-", StringComparison.Ordinal)))
                        {
                            await client.EnsureNotBlockedAsync(vm);
                            started.Add(await client.Service.SuspendVMTaskAsync(vm));
                        }
                    }
                }
                """);
            yield return new("retry wrapper around an unchecked start", Header + """
                static class Retrying
                {
                    public static async Task<ManagedObjectReference> PowerOnAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        return await RetryAsync(() => {|ESX0001:client.Service.PowerOnVMTaskAsync(vm)|});
                    }

                    static async Task<T> RetryAsync<T>(Func<Task<T>> action)
                    {
                        for (int attempt = 1; ; attempt++)
                        {
                            try { return await action(); }
                            catch (VimConnectionException) when (attempt < 3) { }
                        }
                    }
                }
                """);
            yield return new("retry around the check, start after it", Header + """
                static class Retrying
                {
                    public static async Task<ManagedObjectReference> PowerOnAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await RetryAsync(async () => await client.EnsureNotBlockedAsync(vm));
                        return await client.Service.PowerOnVMTaskAsync(vm);
                    }

                    static async Task RetryAsync(Func<Task> action)
                    {
                        for (int attempt = 1; ; attempt++)
                        {
                            try { await action(); return; }
                            catch (VimConnectionException) when (attempt < 3) { }
                        }
                    }
                }
                """);
            yield return new("switch on the requested operation", Header + """
                sealed class Operations(VimClient client)
                {
                    public async Task<ManagedObjectReference> RunAsync(string operation, ManagedObjectReference vm)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        switch (operation)
                        {
                            case "on": return await client.Service.PowerOnVMTaskAsync(vm);
                            case "off": return await client.Service.PowerOffVMTaskAsync(vm);
                            default: return await client.Service.ResetVMTaskAsync(vm);
                        }
                    }
                }
                """);
            yield return new("retry the start in a catch after a new check", Header + """
                sealed class Operations(VimClient client)
                {
                    public async Task<ManagedObjectReference> PowerOnAsync(ManagedObjectReference vm)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        try
                        {
                            return await client.Service.PowerOnVMTaskAsync(vm);
                        }
                        catch (VimConnectionException)
                        {
                            await client.EnsureNotBlockedAsync(vm);
                            return await client.Service.PowerOnVMTaskAsync(vm);
                        }
                    }
                }
                """);
            yield return new("a field target, checked and started through this", Header + """
                sealed class VmHandle(VimClient client, ManagedObjectReference vm)
                {
                    private readonly ManagedObjectReference vm = vm;

                    public async Task<ManagedObjectReference> RebootAsync()
                    {
                        await client.EnsureNotBlockedAsync(this.vm);
                        return await client.Service.ResetVMTaskAsync(vm);
                    }
                }
                """);
            yield return new("a property of a job record", Header + """
                sealed record Job(ManagedObjectReference Vm, string Name);

                static class Jobs
                {
                    public static async Task<ManagedObjectReference> RunAsync(VimClient client, Job job)
                    {
                        await client.EnsureNotBlockedAsync(job.Vm);
                        return await client.Service.PowerOnVMTaskAsync(job.Vm);
                    }
                }
                """);
            yield return new("the job replaced between check and start", Header + """
                sealed record Job(ManagedObjectReference Vm, string Name);

                static class Jobs
                {
                    public static async Task<ManagedObjectReference> RunAsync(VimClient client, Job job, Job next)
                    {
                        await client.EnsureNotBlockedAsync(job.Vm);
                        job = next;
                        return await {|ESX0001:client.Service.PowerOnVMTaskAsync(job.Vm)|};
                    }
                }
                """);
            yield return new("one VM checked, another started", Header + """
                static class Pairs
                {
                    public static async Task<ManagedObjectReference> CloneAsync(VimClient client, ManagedObjectReference source, ManagedObjectReference template, ManagedObjectReference folder, VirtualMachineCloneSpec spec)
                    {
                        await client.EnsureNotBlockedAsync(template);
                        return await {|ESX0001:client.Service.CloneVMTaskAsync(source, folder, "copy", spec)|};
                    }
                }
                """);
            yield return new("an unmarked helper of the project that checks", Header + """
                static class Guard
                {
                    public static async Task MustBeIdleAsync(this VimClient client, ManagedObjectReference vm, CancellationToken ct = default)
                    {
                        ArgumentNullException.ThrowIfNull(vm);
                        await client.EnsureNotBlockedAsync(vm, QuestionPolicy.Report, ct).ConfigureAwait(false);
                    }
                }

                sealed class Operations(VimClient client)
                {
                    public async Task<ManagedObjectReference> SnapshotAsync(ManagedObjectReference vm)
                    {
                        await client.MustBeIdleAsync(vm);
                        return await client.Service.CreateSnapshotTaskAsync(vm, "before-patch", false, true);
                    }
                }
                """);
            yield return new("a helper that swallows the check's failure", Header + """
                static class Guard
                {
                    public static async Task TryCheckAsync(VimClient client, ManagedObjectReference vm)
                    {
                        try
                        {
                            await client.EnsureNotBlockedAsync(vm);
                        }
                        catch (VimBlockedException blocked)
                        {
                            Console.WriteLine(blocked.Message);
                        }
                    }

                    public static async Task<ManagedObjectReference> PowerOnAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await TryCheckAsync(client, vm);
                        return await {|ESX0001:client.Service.PowerOnVMTaskAsync(vm)|};
                    }
                }
                """);
            yield return new("a blocked VM skipped in a loop", Header + """
                static class Bulk
                {
                    public static async Task PowerOnAsync(VimClient client, ManagedObjectReference[] vms, List<ManagedObjectReference> started)
                    {
                        foreach (ManagedObjectReference vm in vms)
                        {
                            try
                            {
                                await client.EnsureNotBlockedAsync(vm);
                            }
                            catch (VimBlockedException)
                            {
                                continue;
                            }

                            started.Add(await client.Service.PowerOnVMTaskAsync(vm));
                        }
                    }
                }
                """);
            yield return new("a check skipped when forced", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference> PowerOffAsync(VimClient client, ManagedObjectReference vm, bool force)
                    {
                        if (!force)
                        {
                            await client.EnsureNotBlockedAsync(vm);
                        }

                        return await {|ESX0001:client.Service.PowerOffVMTaskAsync(vm)|};
                    }
                }
                """);
            yield return new("parallel per-VM check and start", Header + """
                static class Bulk
                {
                    public static Task ResetAsync(VimClient client, IEnumerable<ManagedObjectReference> vms, CancellationToken ct)
                        => Parallel.ForEachAsync(vms, ct, async (vm, token) =>
                        {
                            await client.EnsureNotBlockedAsync(vm, cancellationToken: token);
                            Console.WriteLine(await client.Service.ResetVMTaskAsync(vm, token));
                        });
                }
                """);
            yield return new("WhenAll over checked starts", Header + """
                static class Bulk
                {
                    public static Task<ManagedObjectReference[]> PowerOnAsync(VimClient client, IEnumerable<ManagedObjectReference> vms)
                        => Task.WhenAll(vms.Select(async vm =>
                        {
                            await client.EnsureNotBlockedAsync(vm);
                            return await client.Service.PowerOnVMTaskAsync(vm);
                        }));
                }
                """);
            yield return new("WhenAll over unchecked starts", Header + """
                static class Bulk
                {
                    public static Task<ManagedObjectReference[]> PowerOnAsync(VimClient client, IEnumerable<ManagedObjectReference> vms)
                        => Task.WhenAll(vms.Select(vm => {|ESX0001:client.Service.PowerOnVMTaskAsync(vm)|}));
                }
                """);
            yield return new("all checked with WhenAll, started one by one", Header + """
                static class Bulk
                {
                    public static async Task PowerOnAsync(VimClient client, List<ManagedObjectReference> vms, List<ManagedObjectReference> started)
                    {
                        await Task.WhenAll(vms.Select(vm => client.EnsureNotBlockedAsync(vm)));
                        foreach (ManagedObjectReference vm in vms)
                        {
                            started.Add(await client.Service.PowerOnVMTaskAsync(vm));
                        }
                    }
                }
                """);
            yield return new("a check task started early, awaited before the start", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference> MigrateAsync(VimClient client, ManagedObjectReference vm, ManagedObjectReference pool)
                    {
                        Task idle = client.EnsureNotBlockedAsync(vm);
                        Console.WriteLine("preparing");
                        await idle.ConfigureAwait(false);
                        return await client.Service.MigrateVMTaskAsync(vm, VirtualMachineMovePriority.DefaultPriority, pool: pool);
                    }
                }
                """);
            yield return new("a check fired and forgotten", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference> MigrateAsync(VimClient client, ManagedObjectReference vm, ManagedObjectReference pool)
                    {
                        _ = client.EnsureNotBlockedAsync(vm);
                        return await {|ESX0001:client.Service.MigrateVMTaskAsync(vm, VirtualMachineMovePriority.DefaultPriority, pool: pool)|};
                    }
                }
                """);
            yield return new("two VMs checked together", Header + """
                static class Pairs
                {
                    public static async Task<(ManagedObjectReference, ManagedObjectReference)> ResetBothAsync(VimClient client, ManagedObjectReference a, ManagedObjectReference b)
                    {
                        await Task.WhenAll(client.EnsureNotBlockedAsync(a), client.EnsureNotBlockedAsync(b));
                        return (await client.Service.ResetVMTaskAsync(a), await client.Service.ResetVMTaskAsync(b));
                    }
                }
                """);
            yield return new("a local function called after the check", Header + """
                static class Ops
                {
                    public static async Task RebootAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        Console.WriteLine(await ResetAsync(vm));

                        Task<ManagedObjectReference> ResetAsync(ManagedObjectReference target) => client.Service.ResetVMTaskAsync(target);
                    }
                }
                """);
            yield return new("a lambda kept for later", Header + """
                static class Ops
                {
                    public static async Task RebootAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        Func<Task<ManagedObjectReference>> later = () => {|ESX0001:client.Service.ResetVMTaskAsync(vm)|};
                        await Task.Delay(10);
                        Console.WriteLine(await later());
                    }
                }
                """);
            yield return new("the runner and the wrapper", Header + """
                static class Ops
                {
                    public static async Task RebootAsync(VimClient client, ManagedObjectReference vm, CancellationToken ct)
                    {
                        await client.Service.ResetVMAsync(vm, cancellationToken: ct);
                        await client.RunTaskAsync(vm, token => client.Service.PowerOffVMTaskAsync(vm, token), null, ct);
                    }
                }
                """);
            yield return new("a project runner marked [VimTaskRunner]", Header + """
                static class Runner
                {
                    [VimTaskRunner]
                    public static async Task<object?> RunLoggedAsync(this VimClient client, ManagedObjectReference vm, Func<CancellationToken, Task<ManagedObjectReference>> start)
                    {
                        Console.WriteLine("starting on " + vm.Value);
                        return await client.RunTaskAsync(vm, start);
                    }

                    public static Task<object?> RebootAsync(VimClient client, ManagedObjectReference vm)
                        => client.RunLoggedAsync(vm, ct => client.Service.ResetVMTaskAsync(vm, ct));
                }
                """);
            yield return new("a project runner not marked", Header + """
                static class Runner
                {
                    public static async Task<object?> RunLoggedAsync(this VimClient client, ManagedObjectReference vm, Func<CancellationToken, Task<ManagedObjectReference>> start)
                    {
                        Console.WriteLine("starting on " + vm.Value);
                        return await client.RunTaskAsync(vm, start);
                    }

                    public static Task<object?> RebootAsync(VimClient client, ManagedObjectReference vm)
                        => client.RunLoggedAsync(vm, ct => {|ESX0001:client.Service.ResetVMTaskAsync(vm, ct)|});
                }
                """);
            yield return new("check on the source vCenter, start on the target", Header + """
                static class CrossVc
                {
                    public static async Task<ManagedObjectReference> PowerOnAsync(VimClient source, VimClient target, ManagedObjectReference vm)
                    {
                        await source.EnsureNotBlockedAsync(vm);
                        return await {|ESX0001:target.Service.PowerOnVMTaskAsync(vm)|};
                    }
                }
                """);
            yield return new("the service kept in a local", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference> PowerOnAsync(VimClient client, ManagedObjectReference vm)
                    {
                        VimService service = client.Service;
                        await client.EnsureNotBlockedAsync(vm);
                        return await service.PowerOnVMTaskAsync(vm);
                    }
                }
                """);
            yield return new("elements by different indexes", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference> PowerOnAsync(VimClient client, ManagedObjectReference[] vms, int i, int j)
                    {
                        await client.EnsureNotBlockedAsync(vms[i]);
                        return await {|ESX0001:client.Service.PowerOnVMTaskAsync(vms[j])|};
                    }
                }
                """);
            yield return new("a pattern-bound copy", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference?> PowerOnAsync(VimClient client, ManagedObjectReference? vm)
                    {
                        if (vm is { } target)
                        {
                            await client.EnsureNotBlockedAsync(vm);
                            return await client.Service.PowerOnVMTaskAsync(target);
                        }

                        return null;
                    }
                }
                """);
            yield return new("two starts on one VM without waiting", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference> ReconfigureAndPowerOnAsync(VimClient client, ManagedObjectReference vm, VirtualMachineConfigSpec spec)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        Console.WriteLine(await client.Service.ReconfigVMTaskAsync(vm, spec));
                        return await {|ESX0001:client.Service.PowerOnVMTaskAsync(vm)|};
                    }
                }
                """);
            yield return new("top-level program", """
                using EsxSdk.Properties;
                using EsxSdk.Session;
                using EsxSdk.Tasks;
                using EsxSdk.Vim25;

                await using VimClient client = await VimClient.ConnectAsync(args[0], null);
                ManagedObjectReference vm = await client.FindVirtualMachineByNameAsync(args[1]) ?? throw new System.ArgumentException("no such VM");
                await client.EnsureNotBlockedAsync(vm);
                System.Console.WriteLine(await client.Service.PowerOnVMTaskAsync(vm));
                System.Console.WriteLine(await {|ESX0001:client.Service.ResetVMTaskAsync(vm)|});
                """);
            yield return new("a list grown after every element was checked", Header + """
                static class Bulk
                {
                    public static async Task PowerOnAsync(VimClient client, List<ManagedObjectReference> vms, ManagedObjectReference late, List<ManagedObjectReference> started)
                    {
                        foreach (ManagedObjectReference vm in vms)
                        {
                            await client.EnsureNotBlockedAsync(vm);
                        }

                        vms.Add(late);
                        foreach (ManagedObjectReference vm in vms)
                        {
                            started.Add(await {|ESX0001:client.Service.PowerOnVMTaskAsync(vm)|});
                        }
                    }
                }
                """,
                limitation: "a collection changed through a method (Add) between the checks and the starts is not seen: only writes to the variable are");
            yield return new("a field changed by a method called between check and start", Header + """
                sealed class Session(VimClient client)
                {
                    private ManagedObjectReference current = new("VirtualMachine", "vm-1");

                    public async Task<ManagedObjectReference> NextAsync()
                    {
                        await client.EnsureNotBlockedAsync(current);
                        Advance();
                        return await {|ESX0001:client.Service.PowerOnVMTaskAsync(current)|};
                    }

                    private void Advance() => current = new ManagedObjectReference("VirtualMachine", "vm-2");
                }
                """,
                limitation: "writes made by called methods (here to a field) are not followed: calls are assumed not to change what was checked");
        }
    }
}
