using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tasks;
using EsxSdk.Vim25;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Measure 5: SOAP round trips and wall time of 1 and of 100 concurrent ReconfigVM_Task tasks against vcsim, run by
    /// VimTaskRunner (one shared update loop) and by the libvirt algorithm (<see cref="LibvirtTaskWait"/>).
    /// Each sample uses a fresh logged-in client; only the tasks are counted, not connect or dispose.
    /// </summary>
    public static class TaskRunnerMeasure
    {
        public static readonly int[] Concurrency = [1, 100];

        public static async Task RunAsync(int repetitions)
        {
            // 2 pools x 60 VMs: 100 distinct targets, so no task waits on another's VM.
            await using VcsimPeerProcess peer = await VcsimPeerProcess.StartAsync(60);
            List<ManagedObjectReference> vms = await ListVmsAsync(peer);
            using var counter = new RoundTripCounter();
            var samples = new List<TaskSample>();
            // Repetition -1 warms up the JIT and vcsim and is not recorded.
            for (int repetition = -1; repetition < repetitions; repetition++)
            {
                foreach (int concurrency in Concurrency)
                {
                    foreach (string runner in new[] { "EsxSdk VimTaskRunner", "libvirt algorithm" })
                    {
                        TaskSample sample = await MeasureAsync(peer, vms.Take(concurrency).ToList(), runner, counter, repetition);
                        Console.WriteLine($"{runner,-22} x{concurrency,3}: {sample.WallMs,8:F1} ms, {sample.RoundTrips,5} round trips, {sample.MaxWaitsInFlight} waits in flight{(repetition < 0 ? " (warm-up)" : "")}");
                        if (repetition >= 0)
                        {
                            samples.Add(sample);
                        }
                    }
                }
            }

            Directory.CreateDirectory(Artifacts.Root);
            await File.WriteAllTextAsync(Path.Combine(Artifacts.Root, "tasks.json"), JsonSerializer.Serialize(samples));
        }

        private static async Task<TaskSample> MeasureAsync(VcsimPeerProcess peer, List<ManagedObjectReference> targets, string runner, RoundTripCounter counter, int repetition)
        {
            await using VimClient client = await VimClient.ConnectAsync(peer.Url.ToString(), new NetworkCredential(VcsimPeerProcess.User, VcsimPeerProcess.Password));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            bool concurrent = targets.Count > 1;
            counter.Start();
            long started = Stopwatch.GetTimestamp();
            string[] states = await Task.WhenAll(targets.Select((vm, i) => RunOneAsync(client, vm, runner, concurrent, "bench " + repetition + "/" + i, timeout.Token)));
            double wallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            counter.Stop();
            if (states.Any(s => s != "success"))
            {
                throw new InvalidOperationException(runner + ": not every task succeeded: " + string.Join(",", states.Distinct()));
            }

            return new TaskSample(runner, targets.Count, repetition, wallMs, counter.Total, counter.MaxWaitsInFlight, counter.ByOperation);
        }

        private static async Task<string> RunOneAsync(VimClient client, ManagedObjectReference vm, string runner, bool concurrent, string annotation, CancellationToken cancellationToken)
        {
            Func<CancellationToken, Task<ManagedObjectReference>> start = ct => client.Service.ReconfigVMTaskAsync(vm, new VirtualMachineConfigSpec { Annotation = annotation }, ct);
            if (runner.StartsWith("EsxSdk", StringComparison.Ordinal))
            {
                await client.RunTaskAsync(vm, start, cancellationToken: cancellationToken);
                return "success";
            }

            return await LibvirtTaskWait.RunAsync(client, vm, start, privateCollector: concurrent, cancellationToken);
        }

        private static async Task<List<ManagedObjectReference>> ListVmsAsync(VcsimPeerProcess peer)
        {
            await using VimClient client = await VimClient.ConnectAsync(peer.Url.ToString(), new NetworkCredential(VcsimPeerProcess.User, VcsimPeerProcess.Password));
            ServiceContent content = client.ServiceContent;
            ManagedObjectReference view = await client.Service.CreateContainerViewAsync(content.ViewManager!, content.RootFolder!, true, ["VirtualMachine"]);
            RetrieveResult? result = await client.Service.RetrievePropertiesExAsync(content.PropertyCollector!, VmQuery.Request(content.PropertyCollector!, view).SpecSet.Select(s => new PropertyFilterSpec { ObjectSet = s.ObjectSet, PropSet = [new PropertySpec { Type = "VirtualMachine", PathSet = ["name"] }] }).ToArray(), new RetrieveOptions());
            List<ManagedObjectReference> vms = (result?.Objects ?? []).Select(o => o.Obj!).ToList();
            if (vms.Count < Concurrency.Max())
            {
                throw new InvalidOperationException($"vcsim has {vms.Count} VMs, the measure needs {Concurrency.Max()}");
            }

            return vms;
        }
    }

    public sealed record TaskSample(string Runner, int Tasks, int Repetition, double WallMs, int RoundTrips, int MaxWaitsInFlight, IReadOnlyDictionary<string, int> ByOperation);
}
