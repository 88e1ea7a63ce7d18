using System;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Demo
{
    /// <summary>
    /// The end-to-end demo. No arguments: starts the local simulator (the repository's vcsim peer) and shows a power-on
    /// blocked by a VM question handled under both policies. With a URL: the same checks against a real host.
    /// </summary>
    internal static class Program
    {
        private const string Usage = """
            usage: EsxSdk.Demo                       run against a local simulator (needs Go and govmomi from Debian)
                   EsxSdk.Demo URL --vm NAME [--power-on]
                                                    check NAME on a real host (vpx://vcenter/ or esx://host/, with
                                                    ?no_verify=1, ?thumbprint=..., ?auto_answer=1); --power-on also
                                                    powers it on through the question-aware runner.
                   credentials: ESXSDK_USER and ESXSDK_PASSWORD (never in the URL or on the command line)
            """;

        public static async Task<int> Main(string[] args)
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };

            try
            {
                return args switch
                {
                    [] => await SimulatorDemo.RunAsync(Console.Out, stop.Token),
                    ["-h" or "--help"] => Help(0),
                    [string url, "--vm", string vm] => await HostDemo.RunAsync(url, vm, powerOn: false, Console.Out, stop.Token),
                    [string url, "--vm", string vm, "--power-on"] => await HostDemo.RunAsync(url, vm, powerOn: true, Console.Out, stop.Token),
                    _ => Help(2),
                };
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                Console.Error.WriteLine("stopped");
                return 130;
            }
            catch (Exception ex) when (ex is VimException or DemoException or ArgumentException)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
        }

        private static int Help(int exitCode)
        {
            (exitCode == 0 ? Console.Out : Console.Error).WriteLine(Usage);
            return exitCode;
        }
    }

    /// <summary>A demo step that could not run (missing tools, simulator failed), with what to do.</summary>
    internal sealed class DemoException(string message) : Exception(message);
}
