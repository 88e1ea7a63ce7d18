using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Demo
{
    /// <summary>
    /// The repository's vcsim peer (tests/vcsim/peer) with staged VM questions: built with Go on first use, started on
    /// 127.0.0.1 with a random port, stopped (stdin closed, then killed after 5 s) on dispose.
    /// </summary>
    internal sealed class LocalSimulator : IAsyncDisposable
    {
        public const string User = "esxsdk";

        // The simulator's own throw-away password: it accepts nothing else and lives as long as this process.
        public const string Password = "esxsdk-demo-pass";

        private const string GoPath = "/usr/share/gocode";
        private const string InstallHint = "install Go and govmomi: apt-get install -y golang-go golang-github-vmware-govmomi-dev";

        private readonly Process process;

        private LocalSimulator(Process process, Uri url, IReadOnlyDictionary<string, string> questionVms)
        {
            this.process = process;
            this.Url = url;
            this.QuestionVms = questionVms;
        }

        public Uri Url { get; }

        /// <summary>Role (serial, cdrom, blocked, ...) to the staged VM's name.</summary>
        public IReadOnlyDictionary<string, string> QuestionVms { get; }

        public static async Task<LocalSimulator> StartAsync(TextWriter log, CancellationToken cancellationToken)
        {
            string binary = await EnsureBuiltAsync(log, cancellationToken).ConfigureAwait(false);
            var start = new ProcessStartInfo(binary)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { "-questions", "-user", User, "-password", Password })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start) ?? throw new DemoException("could not start " + binary);
            process.ErrorDataReceived += (_, _) => { }; // drained, not shown: the simulator logs every call
            process.BeginErrorReadLine();
            using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ready.CancelAfter(TimeSpan.FromSeconds(30));
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(ready.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                line = null;
            }

            if (line is null)
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw new DemoException("the simulator did not report ready within 30 s");
            }

            using JsonDocument json = JsonDocument.Parse(line);
            var url = new Uri(json.RootElement.GetProperty("url").GetString()!, UriKind.Absolute);
            Dictionary<string, string> vms = json.RootElement.GetProperty("questionVms").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            return new LocalSimulator(process, url, vms);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                this.process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await this.process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                this.process.Kill(entireProcessTree: true);
            }
            finally
            {
                this.process.Dispose();
            }
        }

        private static async Task<string> EnsureBuiltAsync(TextWriter log, CancellationToken cancellationToken)
        {
            string source = typeof(LocalSimulator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PeerSource").Value!;
            string binary = Path.Combine(AppContext.BaseDirectory, "vcsim", "esxsdk-vcsim");
            string[] sources = Directory.Exists(source) ? Directory.GetFiles(source, "*.go") : [];
            if (sources.Length == 0)
            {
                throw new DemoException("the simulator sources are missing: no *.go file in " + source);
            }

            if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= sources.Max(File.GetLastWriteTimeUtc))
            {
                return binary;
            }

            if (!Directory.Exists(Path.Combine(GoPath, "src", "github.com", "vmware", "govmomi", "simulator")))
            {
                throw new DemoException("govmomi is not in " + GoPath + "; " + InstallHint);
            }

            log.WriteLine("building the simulator (tests/vcsim/peer) with go build, once ...");
            Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
            var build = new ProcessStartInfo("go")
            {
                WorkingDirectory = source,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { "build", "-o", binary, "." })
            {
                build.ArgumentList.Add(arg);
            }

            build.Environment["GOPATH"] = GoPath;
            build.Environment["GO111MODULE"] = "off";
            build.Environment["CGO_ENABLED"] = "0";
            Process process;
            try
            {
                process = Process.Start(build) ?? throw new DemoException("could not start go; " + InstallHint);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new DemoException("'go' is not on PATH; " + InstallHint);
            }

            using (process)
            {
                Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                if (process.ExitCode != 0)
                {
                    throw new DemoException("go build of the simulator failed (exit " + process.ExitCode + "):\n" + await errors.ConfigureAwait(false));
                }
            }

            return binary;
        }
    }
}
