using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Testing;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// Builds tests/vcsim/peer with <c>go build</c> (GOPATH mode against Debian's govmomi) into
    /// <c>vcsim/esxsdk-vcsim</c> under the test output folder, only when a .go source is newer than the binary.
    /// </summary>
    internal static class VcsimBuild
    {
        public const string GoPath = "/usr/share/gocode";

        private const string InstallHint =
            "Install Go and govmomi from Debian: apt-get install -y golang-go golang-github-vmware-govmomi-dev";

        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

        // Parallel test collections start peers at the same time; only one of them may run go build.
        private static readonly SemaphoreSlim Gate = new SemaphoreSlim(1, 1);

        public static string SourceFolder => Path.Combine(TestPaths.RepoRoot, "tests", "vcsim", "peer");

        public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "vcsim");

        public static string BinaryPath => Path.Combine(OutputFolder, "esxsdk-vcsim");

        /// <summary>Returns the path of an up-to-date peer binary, building it first if needed.</summary>
        public static async Task<string> EnsureBuiltAsync(CancellationToken cancellationToken)
        {
            await Gate.WaitAsync(cancellationToken);
            try
            {
                string binary = BinaryPath;
                DateTime newestSource = NewestSourceWriteTimeUtc();
                if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= newestSource)
                {
                    return binary;
                }

                await BuildAsync(binary, cancellationToken);
                return binary;
            }
            finally
            {
                Gate.Release();
            }
        }

        private static DateTime NewestSourceWriteTimeUtc()
        {
            string[] sources = Directory.Exists(SourceFolder)
                ? Directory.GetFiles(SourceFolder, "*.go")
                : Array.Empty<string>();
            if (sources.Length == 0)
            {
                throw new InvalidOperationException("The vcsim peer sources are missing: no *.go file in " + SourceFolder + ".");
            }

            return sources.Max(File.GetLastWriteTimeUtc);
        }

        private static async Task BuildAsync(string binary, CancellationToken cancellationToken)
        {
            string go = FindOnPath("go")
                ?? throw new InvalidOperationException(
                    "Cannot build the vcsim test peer: 'go' is not on PATH. " + InstallHint + ".");
            if (!Directory.Exists(Path.Combine(GoPath, "src", "github.com", "vmware", "govmomi", "simulator")))
            {
                throw new InvalidOperationException(
                    "Cannot build the vcsim test peer: govmomi is not in " + GoPath + "/src/github.com/vmware/govmomi. "
                    + InstallHint + ".");
            }

            Directory.CreateDirectory(OutputFolder);

            // Build beside the target and move it into place, so a half-written binary is never started.
            string temporary = binary + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            var startInfo = new ProcessStartInfo(go)
            {
                WorkingDirectory = SourceFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            startInfo.ArgumentList.Add("build");
            startInfo.ArgumentList.Add("-o");
            startInfo.ArgumentList.Add(temporary);
            startInfo.ArgumentList.Add(".");
            startInfo.Environment["GOPATH"] = GoPath;
            startInfo.Environment["GO111MODULE"] = "off";

            // Pure Go: no C toolchain needed.
            startInfo.Environment["CGO_ENABLED"] = "0";
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE"))
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"))
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")))
            {
                startInfo.Environment["GOCACHE"] = Path.Combine(OutputFolder, "gocache");
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            var watch = Stopwatch.StartNew();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(BuildTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                File.Delete(temporary);
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException(
                    "Building the vcsim test peer timed out after " + BuildTimeout.TotalMinutes + " minutes. Output:\n" + Text(output));
            }

            // The parameterless wait also waits for the redirected output to be read completely.
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(temporary))
            {
                File.Delete(temporary);
                throw new InvalidOperationException(
                    "Building the vcsim test peer failed ('go build' in " + SourceFolder + " with GOPATH=" + GoPath
                    + " GO111MODULE=off exited with " + process.ExitCode + "). " + InstallHint + ". Output:\n" + Text(output));
            }

            File.Move(temporary, binary, overwrite: true);
            Trace.WriteLine("vcsim peer built in " + watch.Elapsed + ": " + binary);
        }

        private static string? FindOnPath(string name)
        {
            string? path = Environment.GetEnvironmentVariable("PATH");
            if (string.IsNullOrEmpty(path))
            {
                return null;
            }

            foreach (string folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        private static string Text(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
