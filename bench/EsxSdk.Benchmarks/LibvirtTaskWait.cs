using System;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// The baseline of measure 5: libvirt's esxVI_WaitForTaskCompletion (src/esx/esx_vi.c) — a new filter on the
    /// task's info.state per task, then per iteration one look-up of the VM's runtime.question and one
    /// WaitForUpdates, until the state is success or error; then the filter is destroyed.
    /// </summary>
    public static class LibvirtTaskWait
    {
        /// <summary>
        /// Runs one task. With <paramref name="privateCollector"/> the waits go to a collector of this task's own:
        /// a PropertyCollector serves one pending WaitForUpdates (vcsim reports each object to the first waiter
        /// only), so concurrent libvirt-style waits in one session need one collector each.
        /// </summary>
        public static async Task<string> RunAsync(VimClient client, ManagedObjectReference vm, Func<CancellationToken, Task<ManagedObjectReference>> start, bool privateCollector, CancellationToken cancellationToken)
        {
            VimService service = client.Service;
            ManagedObjectReference sessionCollector = client.ServiceContent.PropertyCollector!;
            ManagedObjectReference task = await start(cancellationToken);
            ManagedObjectReference collector = privateCollector ? await service.CreatePropertyCollectorAsync(sessionCollector, cancellationToken) : sessionCollector;
            ManagedObjectReference filter = await service.CreateFilterAsync(collector, Spec(task, "Task", "info.state"), true, cancellationToken);
            try
            {
                string version = string.Empty;
                string? state = null;
                while (state is not ("success" or "error"))
                {
                    if (await QuestionOfAsync(service, sessionCollector, vm, cancellationToken) is { } question)
                    {
                        throw new InvalidOperationException("Task blocked by question " + question.Id);
                    }

                    UpdateSet? updates = await service.WaitForUpdatesAsync(collector, version, cancellationToken);
                    version = updates?.Version ?? version;
                    state = StateIn(updates, filter, task) ?? state;
                }

                return state;
            }
            finally
            {
                if (privateCollector)
                {
                    await service.DestroyPropertyCollectorAsync(collector, CancellationToken.None);
                }
                else
                {
                    await service.DestroyPropertyFilterAsync(filter, CancellationToken.None);
                }
            }
        }

        private static async Task<VirtualMachineQuestionInfo?> QuestionOfAsync(VimService service, ManagedObjectReference collector, ManagedObjectReference vm, CancellationToken cancellationToken)
        {
            RetrieveResult? result = await service.RetrievePropertiesExAsync(collector, [Spec(vm, "VirtualMachine", "runtime.question")], new RetrieveOptions(), cancellationToken);
            foreach (ObjectContent content in result?.Objects ?? [])
            {
                foreach (DynamicProperty property in content.PropSet)
                {
                    if (property.Val is VirtualMachineQuestionInfo question)
                    {
                        return question;
                    }
                }
            }

            return null;
        }

        private static string? StateIn(UpdateSet? updates, ManagedObjectReference filter, ManagedObjectReference task)
        {
            string? state = null;
            foreach (PropertyFilterUpdate filterUpdate in updates?.FilterSet ?? [])
            {
                if (filterUpdate.Filter != filter)
                {
                    continue;
                }

                foreach (ObjectUpdate objectUpdate in filterUpdate.ObjectSet)
                {
                    foreach (PropertyChange change in objectUpdate.ChangeSet)
                    {
                        if (objectUpdate.Obj == task && change.Name == "info.state" && change.Val is TaskInfoState value)
                        {
                            state = value.Value;
                        }
                    }
                }
            }

            return state;
        }

        private static PropertyFilterSpec Spec(ManagedObjectReference obj, string type, string path) => new()
        {
            ObjectSet = [new ObjectSpec { Obj = obj }],
            PropSet = [new PropertySpec { Type = type, PathSet = [path] }],
        };
    }
}
