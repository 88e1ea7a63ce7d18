using System;
using System.Collections.Generic;
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
    /// Against a real ESXi host or vCenter: finds a VM, shows its state, runs the pre-check under the URI's policy
    /// and, when asked, powers it on through the question-aware runner with progress.
    /// </summary>
    internal static class HostDemo
    {
        public static async Task<int> RunAsync(string url, string vmName, bool powerOn, TextWriter output, CancellationToken cancellationToken)
        {
            string user = Environment.GetEnvironmentVariable("ESXSDK_USER")
                ?? throw new DemoException("set ESXSDK_USER (and ESXSDK_PASSWORD) to log in to " + url);
            string password = Environment.GetEnvironmentVariable("ESXSDK_PASSWORD")
                ?? throw new DemoException("set ESXSDK_PASSWORD to log in to " + url);
            var options = new VimClientOptions { Logger = new ConsoleLogger(output) };
            await using VimClient client = await VimClient.ConnectAsync(url, new NetworkCredential(user, password), options, cancellationToken);
            output.WriteLine("connected to " + client.ServiceContent.About?.FullName + " (API " + client.ApiVersion + "), auto_answer=" + (client.AutoAnswer ? "1" : "0"));

            ManagedObjectReference vm = await client.FindVirtualMachineByNameAsync(vmName, cancellationToken)
                ?? throw new DemoException("no VM named '" + vmName + "' on " + client.ConnectionUri);
            IReadOnlyDictionary<string, object?> state = await client.GetPropertiesAsync(vm, "runtime.powerState", "runtime.question", "recentTask").WaitAsync(cancellationToken);
            output.WriteLine(vmName + " (" + vm.Value + "): " + (state.GetValueOrDefault("runtime.powerState") as VirtualMachinePowerState?)?.Value
                + (state.GetValueOrDefault("runtime.question") is VirtualMachineQuestionInfo q ? ", pending question: " + VimQuestion.From(q, vm) : ", no pending question"));

            try
            {
                await client.EnsureNotBlockedAsync(vm, cancellationToken: cancellationToken);
                output.WriteLine("pre-check: no pending question or task; a task may start");
            }
            catch (VimBlockedException ex)
            {
                output.WriteLine("pre-check: " + ex.Message);
                return 1;
            }

            if (!powerOn)
            {
                return 0;
            }

            var progress = new Progress<VimTaskProgress>(p => output.WriteLine("    progress: " + (p.Percent is int percent ? percent + "%" : "-") + " " + p.Description));
            try
            {
                await client.Service.PowerOnVMAsync(vm, options: new VimTaskOptions { Progress = progress }, cancellationToken: cancellationToken);
                output.WriteLine("powered on");
                return 0;
            }
            catch (VimException ex) when (ex is VimQuestionException or VimTaskFailedException or VimBlockedException)
            {
                output.WriteLine(ex.GetType().Name + ": " + ex.Message);
                return 1;
            }
        }
    }
}
