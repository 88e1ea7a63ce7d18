using System.Collections.Generic;

namespace EsxSdk.Analyzers.Tests.Corpus
{
    /// <summary>ESX0001 on many-VM starters, ESX0002 (task references), ESX0003 (auto_answer) and ESX0004 (blocking) cases.</summary>
    internal static class TaskUseCorpus
    {
        private const string Header = PrecheckCorpus.Header;

        public static IEnumerable<CorpusCase> Cases()
        {
            yield return new("PowerOnMultiVM after checking every VM", Header + """
                static class Cluster
                {
                    public static async Task<ManagedObjectReference> PowerOnAllAsync(VimClient client, ManagedObjectReference datacenter, ManagedObjectReference[] vms)
                    {
                        foreach (ManagedObjectReference vm in vms)
                        {
                            await client.EnsureNotBlockedAsync(vm);
                        }

                        return await client.Service.PowerOnMultiVMTaskAsync(datacenter, vms);
                    }
                }
                """);
            yield return new("PowerOnMultiVM after checking the datacenter only", Header + """
                static class Cluster
                {
                    public static async Task<ManagedObjectReference> PowerOnAllAsync(VimClient client, ManagedObjectReference datacenter, ManagedObjectReference[] vms)
                    {
                        await client.EnsureNotBlockedAsync(datacenter);
                        return await {|ESX0001:client.Service.PowerOnMultiVMTaskAsync(datacenter, vms)|};
                    }
                }
                """);
            yield return new("a snapshot task reference dropped", Header + """
                static class Snapshots
                {
                    public static async Task TakeAsync(VimClient client, ManagedObjectReference vm)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        await {|ESX0002:client.Service.CreateSnapshotTaskAsync(vm, "nightly", false, false)|};
                    }
                }
                """);
            yield return new("a task reference overwritten before it is read", Header + """
                static class Snapshots
                {
                    public static async Task<ManagedObjectReference> TakeTwoAsync(VimClient client, ManagedObjectReference a, ManagedObjectReference b)
                    {
                        await Task.WhenAll(client.EnsureNotBlockedAsync(a), client.EnsureNotBlockedAsync(b));
                        ManagedObjectReference task = await {|ESX0002:client.Service.CreateSnapshotTaskAsync(a, "nightly", false, false)|};
                        task = await client.Service.CreateSnapshotTaskAsync(b, "nightly", false, false);
                        return task;
                    }
                }
                """);
            yield return new("a task reference read on one path", Header + """
                static class Snapshots
                {
                    public static async Task<ManagedObjectReference?> TakeAsync(VimClient client, ManagedObjectReference vm, bool report)
                    {
                        await client.EnsureNotBlockedAsync(vm);
                        ManagedObjectReference task = await client.Service.CreateSnapshotTaskAsync(vm, "nightly", false, false);
                        if (report)
                        {
                            Console.WriteLine(task.Value);
                        }

                        return null;
                    }
                }
                """);
            yield return new("WhenAll of starts with its result dropped", Header + """
                static class Bulk
                {
                    public static async Task PowerOnAsync(VimClient client, ManagedObjectReference a, ManagedObjectReference b)
                    {
                        await Task.WhenAll(client.EnsureNotBlockedAsync(a), client.EnsureNotBlockedAsync(b));
                        await Task.WhenAll({|ESX0002:client.Service.PowerOnVMTaskAsync(a)|}, {|ESX0002:client.Service.PowerOnVMTaskAsync(b)|});
                    }
                }
                """);
            yield return new("WhenAll of starts, references kept", Header + """
                static class Bulk
                {
                    public static async Task<ManagedObjectReference[]> PowerOnAsync(VimClient client, ManagedObjectReference a, ManagedObjectReference b)
                    {
                        await Task.WhenAll(client.EnsureNotBlockedAsync(a), client.EnsureNotBlockedAsync(b));
                        ManagedObjectReference[] tasks = await Task.WhenAll(client.Service.PowerOnVMTaskAsync(a), client.Service.PowerOnVMTaskAsync(b));
                        return tasks;
                    }
                }
                """);
            yield return new("auto_answer in upper case", Header + """
                static class Connect
                {
                    public static Task<VimClient> OpenAsync(System.Net.NetworkCredential credential)
                        => VimClient.ConnectAsync({|ESX0003:"esx://root@esx1.example.com/?no_verify=1&AUTO_ANSWER=1"|}, credential);
                }
                """);
            yield return new("auto_answer=0 and a look-alike key", Header + """
                static class Connect
                {
                    public static Task<VimClient> OpenAsync(System.Net.NetworkCredential credential)
                        => VimClient.ConnectAsync("esx://root@esx1.example.com/?auto_answer=0&x_auto_answer=1", credential);
                }
                """);
            yield return new("the default-answer policy spelled out", Header + """
                static class Policies
                {
                    public static VimTaskOptions Unattended() => new() { Policy = {|ESX0003:QuestionPolicy.FromAutoAnswer(true)|} };
                }
                """);
            yield return new("blocking on a wrapper with a timeout", Header + """
                static class Sync
                {
                    public static bool PowerOn(VimClient client, ManagedObjectReference vm)
                        => {|ESX0004:client.Service.PowerOnVMAsync(vm).Wait(TimeSpan.FromMinutes(5))|};
                }
                """);
            yield return new("a wrapper task kept and waited later", Header + """
                static class Sync
                {
                    public static void PowerOn(VimClient client, ManagedObjectReference vm)
                    {
                        Task pending = client.Service.PowerOnVMAsync(vm);
                        Console.WriteLine("waiting");
                        {|ESX0004:pending.Wait()|};
                    }
                }
                """);
            yield return new("WaitAll over wrappers", Header + """
                static class Sync
                {
                    public static void PowerOnBoth(VimClient client, ManagedObjectReference a, ManagedObjectReference b)
                        => {|ESX0004:Task.WaitAll(client.Service.PowerOnVMAsync(a), client.Service.PowerOnVMAsync(b))|};
                }
                """);
            yield return new("awaiting, then reading Result of a completed task", Header + """
                static class Async
                {
                    public static async Task<object?> RunAsync(VimClient client, ManagedObjectReference vm)
                    {
                        Task<object?> run = client.RunTaskAsync(vm, ct => client.Service.PowerOnVMTaskAsync(vm, cancellationToken: ct));
                        await run;
                        return run.Result;
                    }
                }
                """);
            yield return new("a VM looked up inside the start", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference> PowerOnAsync(VimClient client, string name)
                        => await {|ESX0001:client.Service.PowerOnVMTaskAsync(await client.FindVirtualMachineByNameAsync(name) ?? throw new ArgumentException(name))|};
                }
                """);
            yield return new("a start as the body of an if", Header + """
                static class Ops
                {
                    public static async Task<ManagedObjectReference?> MaybeResetAsync(VimClient client, ManagedObjectReference vm, bool hung)
                    {
                        if (hung)
                            return await {|ESX0001:client.Service.ResetVMTaskAsync(vm)|};
                        return null;
                    }
                }
                """);
            yield return new("an unchecked start whose reference is dropped", Header + """
                static class Ops
                {
                    public static async Task StopAsync(VimClient client, ManagedObjectReference vm, CancellationToken ct)
                    {
                        Console.WriteLine("stopping " + vm.Value);
                        await {|ESX0001,ESX0002:client.Service.PowerOffVMTaskAsync(vm, ct)|}.ConfigureAwait(false);
                    }
                }
                """);
            yield return new("blocking inside an async method", Header + """
                static class Mixed
                {
                    public static async Task RestartAsync(VimClient client, ManagedObjectReference vm)
                    {
                        {|ESX0004:client.Service.PowerOffVMAsync(vm).Wait()|};
                        await client.Service.PowerOnVMAsync(vm);
                    }
                }
                """);
            yield return new("a task list filled in a loop and dropped by WhenAll", Header + """
                static class Bulk
                {
                    public static async Task PowerOnAsync(VimClient client, IEnumerable<ManagedObjectReference> vms)
                    {
                        var starts = new List<Task<ManagedObjectReference>>();
                        foreach (ManagedObjectReference vm in vms)
                        {
                            await client.EnsureNotBlockedAsync(vm);
                            starts.Add({|ESX0002:client.Service.PowerOnVMTaskAsync(vm)|});
                        }

                        await Task.WhenAll(starts);
                    }
                }
                """,
                limitation: "a collection of tasks built in other statements: its later use cannot be followed, so ESX0002 stays silent");
        }
    }
}
