using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Tasks;
using EsxSdk.Vim25;

namespace EsxSdk.Demo
{
    /// <summary>
    /// Against the local simulator: a power-on blocked by the serial-port question ("append or replace?") under
    /// auto_answer=0 (reported, task left blocked, the next start refused) and auto_answer=1 (answered with the
    /// default, the blocked task finishes), and a cancelable reconfigure that the default policy cancels.
    /// </summary>
    internal static class SimulatorDemo
    {
        public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
        {
            await using LocalSimulator simulator = await LocalSimulator.StartAsync(output, cancellationToken);
            output.WriteLine("EsxSdk demo against a local vCenter simulator at " + simulator.Url);
            var credential = new NetworkCredential(LocalSimulator.User, LocalSimulator.Password);
            var options = new VimClientOptions { Logger = new ConsoleLogger(output) };
            await using VimClient report = await VimClient.ConnectAsync(simulator.Url.ToString(), credential, options, cancellationToken);
            await using VimClient answer = await VimClient.ConnectAsync(simulator.Url + "?auto_answer=1", credential, options, cancellationToken);
            string vmName = simulator.QuestionVms["serial-default1"];
            ManagedObjectReference vm = await report.FindByInventoryPathAsync("DC0/vm/" + vmName, cancellationToken)
                ?? throw new DemoException("the simulator has no VM " + vmName);
            int failures = 0;

            Scene(output, 1, "auto_answer=0 (the default): power on " + vmName + "; its serial port file exists, so the host asks");
            failures += await ExpectAsync<VimQuestionException>(output, () => report.Service.PowerOnVMAsync(vm, cancellationToken: cancellationToken));

            Scene(output, 2, "auto_answer=0: power it on again; the pre-check finds the question and starts no second task");
            failures += await ExpectAsync<VimBlockedException>(output, () => report.Service.PowerOnVMAsync(vm, cancellationToken: cancellationToken));

            Scene(output, 3, "auto_answer=1: power it on; the pre-check answers the pending question with its default and waits for the blocked task");
            failures += await ExpectSuccessAsync(output, () => answer.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { WaitForBlockedTask = true }, cancellationToken: cancellationToken));
            output.WriteLine("    power state now: " + await PowerStateAsync(answer, vm, cancellationToken));

            string cdromName = simulator.QuestionVms["cdrom"];
            ManagedObjectReference cdrom = (await report.FindByInventoryPathAsync("DC0/vm/" + cdromName, cancellationToken))!;
            Scene(output, 4, "auto_answer=0: reconfigure " + cdromName + "; the guest locked its CD-ROM door, the host asks, the task is cancelable");
            failures += await ExpectAsync<VimQuestionException>(output, () => report.Service.ReconfigVMAsync(cdrom, new VirtualMachineConfigSpec(), cancellationToken: cancellationToken));

            string freshName = simulator.QuestionVms["serial"];
            ManagedObjectReference fresh = (await answer.FindByInventoryPathAsync("DC0/vm/" + freshName, cancellationToken))!;
            Scene(output, 5, "auto_answer=1: power on " + freshName + ", whose question arrives without a default (govmomi omits defaultIndex 0)");
            failures += await ExpectAsync<VimQuestionException>(output, () => answer.Service.PowerOnVMAsync(fresh, cancellationToken: cancellationToken));

            output.WriteLine();
            output.WriteLine(failures == 0 ? "demo: every scene behaved as the policy says" : "demo: " + failures + " scene(s) did not behave as expected");
            return failures == 0 ? 0 : 1;
        }

        private static void Scene(TextWriter output, int number, string title)
        {
            output.WriteLine();
            output.WriteLine(number + ". " + title);
        }

        private static async Task<int> ExpectAsync<TException>(TextWriter output, Func<Task> action)
            where TException : Exception
        {
            try
            {
                await action();
                output.WriteLine("    unexpected: the task succeeded");
                return 1;
            }
            catch (TException ex)
            {
                output.WriteLine("    " + typeof(TException).Name + ": " + ex.Message);
                return 0;
            }
        }

        private static async Task<int> ExpectSuccessAsync(TextWriter output, Func<Task> action)
        {
            try
            {
                await action();
                output.WriteLine("    the task succeeded");
                return 0;
            }
            catch (VimException ex)
            {
                output.WriteLine("    unexpected " + ex.GetType().Name + ": " + ex.Message);
                return 1;
            }
        }

        private static async Task<string> PowerStateAsync(VimClient client, ManagedObjectReference vm, CancellationToken cancellationToken)
            => ((VirtualMachinePowerState?)(await client.GetPropertiesAsync(vm, "runtime.powerState").WaitAsync(cancellationToken))["runtime.powerState"])?.Value ?? "unknown";
    }
}
