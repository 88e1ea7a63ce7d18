using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Tasks;
using EsxSdk.Transport;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>
    /// The seam between the generated wrappers and the runner: a wrapper runs through the task host its service holds
    /// (the client, for client.Service), never by casting the invoker; a service made on an invoker alone refuses.
    /// No server: the invoker and the host are recorders.
    /// </summary>
    public sealed class TaskWrapperHostTests
    {
        private static readonly ManagedObjectReference Vm1 = new("VirtualMachine", "vm-1");
        private static readonly ManagedObjectReference Vm2 = new("VirtualMachine", "vm-2");
        private static readonly ManagedObjectReference Cluster = new("ClusterComputeResource", "domain-c7");
        private static readonly ManagedObjectReference Folder = new("Folder", "group-v3");
        private static readonly ManagedObjectReference StartedTask = new("Task", "task-9");

        [Fact]
        public async Task A_wrapper_of_a_service_made_on_an_invoker_alone_says_to_use_client_Service_and_sends_nothing()
        {
            var invoker = new RecordingInvoker();
            var service = new VimService(invoker);

            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => service.PowerOnVMAsync(Vm1));

            Assert.Contains("PowerOnVM_Task", ex.Message, StringComparison.Ordinal);
            Assert.Contains("client.Service", ex.Message, StringComparison.Ordinal);
            Assert.Contains("raw starter", ex.Message, StringComparison.Ordinal);
            Assert.Empty(invoker.Operations);
        }

        [Fact]
        public async Task A_wrapper_runs_through_its_services_task_host_which_starts_the_raw_starter()
        {
            var invoker = new RecordingInvoker();
            var clone = new ManagedObjectReference("VirtualMachine", "vm-100");
            var host = new RecordingHost(clone);
            var service = new VimService(invoker, host);

            ManagedObjectReference result = await service.CloneVMAsync(Vm1, Folder, "web02", new VirtualMachineCloneSpec());

            Assert.Equal(clone, result);
            Assert.Equal(new[] { Vm1 }, host.Targets);
            Assert.Equal(new[] { "CloneVM_Task" }, invoker.Operations);
            Assert.Equal(StartedTask, host.Started);
        }

        [Fact]
        public async Task Only_the_VM_targets_of_a_wrapper_reach_the_host_for_the_pre_check()
        {
            var host = new RecordingHost(new ClusterPowerOnVmResult());
            var service = new VimService(new RecordingInvoker(), host);

            await service.PowerOnMultiVMAsync(Cluster, [Vm1, Vm2, Vm1]);

            Assert.Equal(new[] { Vm1, Vm2 }, host.Targets);
        }

        /// <summary>Answers every starter with <see cref="StartedTask"/> and records the operations sent.</summary>
        private sealed class RecordingInvoker : IVimInvoker
        {
            public List<string> Operations { get; } = [];

            public Task<TResponse> InvokeAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, CancellationToken cancellationToken)
                where TResponse : class, IVimXmlSerializable, new()
            {
                this.Operations.Add(operation);
                IVimXmlSerializable response = operation switch
                {
                    "CloneVM_Task" => new CloneVMTaskResponse { Returnval = StartedTask },
                    "PowerOnMultiVM_Task" => new PowerOnMultiVMTaskResponse { Returnval = StartedTask },
                    "PowerOnVM_Task" => new PowerOnVMTaskResponse { Returnval = StartedTask },
                    _ => throw new NotSupportedException(operation),
                };
                return Task.FromResult((TResponse)response);
            }
        }

        /// <summary>Records the targets, starts the task as the runner would, and returns <paramref name="result"/> as its info.result.</summary>
        private sealed class RecordingHost(object? result) : IVimTaskHost
        {
            public IReadOnlyList<ManagedObjectReference> Targets { get; private set; } = [];

            public ManagedObjectReference? Started { get; private set; }

            public async Task<object?> RunTaskAsync(IReadOnlyList<ManagedObjectReference> targets, Func<CancellationToken, Task<ManagedObjectReference>> start, VimTaskOptions? options, CancellationToken cancellationToken)
            {
                this.Targets = targets;
                this.Started = await start(cancellationToken);
                return result;
            }
        }
    }
}
