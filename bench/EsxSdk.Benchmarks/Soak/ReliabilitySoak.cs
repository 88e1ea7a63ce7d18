using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;

namespace EsxSdk.Benchmarks.Soak
{
    /// <summary>One task of the soak: what ran, when, how it ended, and whether the server agrees.</summary>
    internal sealed record SoakTask(string Operation, string Vm, double Start, double End, string Outcome, bool Wrong, string? Detail);

    /// <summary>
    /// The reliability soak (issue "Task waits that never hang"): a client behind a fault-injecting relay runs tasks on
    /// vcsim while <see cref="SoakChaos"/> takes the server away, resets connections, stalls and kills sessions. Eight
    /// workers power-cycle VMs whose power-on asks a question (answered with its default, auto_answer=1), one reconfigures
    /// a VM that stays busy for 3 s. Every wait has a hard bound (outage window + timeout + 60 s): one that outlives it is
    /// a hung wait. After each task a second client, straight to the peer, reads the VM: a success whose effect is not
    /// there, or a failure whose effect is, is a wrong outcome. Both must be 0.
    /// </summary>
    internal static class ReliabilitySoak
    {
        private const int CrowdWorkers = 8;

        /// <summary>Runs the soak; writes the report to <paramref name="reportPath"/> (default artifacts/bench/soak.md). Exit code 1 on a hung wait or a wrong outcome.</summary>
        public static async Task<int> RunAsync(int taskCount, int seed, string? reportPath)
        {
            var random = new Random(seed);
            await using VcsimPeerProcess peer = await VcsimPeerProcess.StartAsync(
                ["-model", "vpx", "-questions", "-question-crowd", (2 * CrowdWorkers).ToString(CultureInfo.InvariantCulture), "-busy-task-duration", "3s"]);
            await using var relay = new TcpRelay(peer.Url);
            var credential = new NetworkCredential(VcsimPeerProcess.User, VcsimPeerProcess.Password);

            // Scaled back-off (the window keeps its 5-minute default): outages here last 1-20 s.
            var options = new VimClientOptions { Timeout = TimeSpan.FromSeconds(20), ReconnectDelay = TimeSpan.FromMilliseconds(250), MaxReconnectDelay = TimeSpan.FromSeconds(4) };
            await using VimClient client = await VimClient.ConnectAsync(relay.Url + "?auto_answer=1", credential, options);
            await using VimClient admin = await VimClient.ConnectAsync(peer.Url.ToString(), credential);
            TimeSpan bound = options.OutageWindow + options.Timeout + TimeSpan.FromSeconds(60);

            var clock = Stopwatch.StartNew();
            var chaos = new SoakChaos(relay, () => KillSessionAsync(admin, client), new Random(seed + 1), clock);
            using var stopChaos = new CancellationTokenSource();
            Task chaosLoop = chaos.RunAsync(TimeSpan.FromSeconds(20), stopChaos.Token);

            var results = new ConcurrentQueue<SoakTask>();
            int issued = 0;
            bool Next() => Interlocked.Increment(ref issued) <= taskCount;
            var workers = new List<Task>();
            for (int i = 0; i < CrowdWorkers; i++)
            {
                // Odd crowd VMs: their question's default (Replace) is on the wire; an even one's default 0 is omitted by govmomi.
                ManagedObjectReference vm = await FindAsync(admin, peer.QuestionVms["crowd-" + ((2 * i) + 1).ToString(CultureInfo.InvariantCulture)]);
                workers.Add(PowerCycleAsync(client, admin, vm, new Random(seed + 10 + i), clock, bound, results, Next));
            }

            workers.Add(ReconfigureAsync(client, admin, await FindAsync(admin, peer.QuestionVms["slow"]), new Random(seed + 5), clock, bound, results, Next));
            await Task.WhenAll(workers);
            await stopChaos.CancelAsync();
            await chaosLoop;

            string report = SoakReport.Write(results.ToArray(), chaos.Faults.ToArray(), client.Updates, clock.Elapsed, bound, seed);
            Console.WriteLine(report);
            reportPath ??= System.IO.Path.Combine(Artifacts.Root, "soak.md");
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(reportPath))!);
            await System.IO.File.WriteAllTextAsync(reportPath, report);
            return results.Any(r => r.Outcome == "hung" || r.Wrong) ? 1 : 0;
        }

        /// <summary>Powers the VM off and on by turns; the power-on asks the serial-port question, answered with its default.</summary>
        private static async Task PowerCycleAsync(VimClient client, VimClient admin, ManagedObjectReference vm, Random random, Stopwatch clock, TimeSpan bound, ConcurrentQueue<SoakTask> results, Func<bool> next)
        {
            VirtualMachinePowerState state = await PowerStateAsync(admin, vm);
            while (next())
            {
                await Task.Delay(TimeSpan.FromSeconds(3 + (random.NextDouble() * 9)));
                bool on = state != VirtualMachinePowerState.PoweredOn;
                VirtualMachinePowerState target = on ? VirtualMachinePowerState.PoweredOn : VirtualMachinePowerState.PoweredOff;
                double start = clock.Elapsed.TotalSeconds;
                (string outcome, Exception? error) = await RunBoundedAsync(on ? client.Service.PowerOnVMAsync(vm) : client.Service.PowerOffVMAsync(vm), bound);
                state = await PowerStateAsync(admin, vm);

                // A success must have its effect; a task reported failed must not (errors that say "may still be running" are neither).
                bool wrong = (outcome == "ok" && state != target) || (error is Tasks.VimTaskFailedException && state == target);
                results.Enqueue(new SoakTask(on ? "PowerOnVM" : "PowerOffVM", vm.Value, start, clock.Elapsed.TotalSeconds, outcome, wrong, error?.Message));
            }
        }

        /// <summary>Reconfigures the slow VM (a 3 s task): a success leaves no reconfigure pending.</summary>
        private static async Task ReconfigureAsync(VimClient client, VimClient admin, ManagedObjectReference vm, Random random, Stopwatch clock, TimeSpan bound, ConcurrentQueue<SoakTask> results, Func<bool> next)
        {
            while (next())
            {
                await Task.Delay(TimeSpan.FromSeconds(1 + (random.NextDouble() * 4)));
                double start = clock.Elapsed.TotalSeconds;
                (string outcome, Exception? error) = await RunBoundedAsync(client.Service.ReconfigVMAsync(vm, new VirtualMachineConfigSpec()), bound);
                IReadOnlyDictionary<string, object?> now = await admin.GetPropertiesAsync(vm, "recentTask");
                bool pending = now.TryGetValue("recentTask", out object? tasks) && tasks is ManagedObjectReference[] { Length: > 0 };
                results.Enqueue(new SoakTask("ReconfigVM", vm.Value, start, clock.Elapsed.TotalSeconds, outcome, outcome == "ok" && pending, error?.Message));
            }
        }

        /// <summary>Awaits <paramref name="task"/> for at most <paramref name="bound"/>: "ok", "hung", or the exception's type name.</summary>
        private static async Task<(string Outcome, Exception? Error)> RunBoundedAsync(Task task, TimeSpan bound)
        {
            try
            {
                await task.WaitAsync(bound);
                return ("ok", null);
            }
            catch (TimeoutException) when (!task.IsCompleted)
            {
                return ("hung", null);
            }
            catch (Exception ex) when (ex is VimException or InvalidOperationException or TimeoutException)
            {
                return (ex.GetType().Name, ex);
            }
        }

        private static async Task KillSessionAsync(VimClient admin, VimClient victim)
        {
            if (victim.CurrentSession?.Key is not { } key)
            {
                return;
            }

            try
            {
                await admin.Service.TerminateSessionAsync(admin.ServiceContent.SessionManager!, [key]);
            }
            catch (VimFaultException)
            {
                // Already replaced by a re-login: nothing to kill.
            }
        }

        private static async Task<ManagedObjectReference> FindAsync(VimClient admin, string name)
            => await admin.FindByInventoryPathAsync("DC0/vm/" + name) ?? throw new InvalidOperationException("No VM " + name);

        private static async Task<VirtualMachinePowerState> PowerStateAsync(VimClient admin, ManagedObjectReference vm)
            => (VirtualMachinePowerState)(await admin.GetPropertiesAsync(vm, "runtime.powerState"))["runtime.powerState"]!;
    }
}
