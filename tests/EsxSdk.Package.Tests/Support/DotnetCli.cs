using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Package.Tests.Support
{
    /// <summary>Runs <c>dotnet</c> (or a built program) as a child process and collects its output; no build server or node is left behind.</summary>
    internal static class DotnetCli
    {
        public static Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
            => RunAsync(workingDirectory, timeout, environment: null, arguments);

        /// <summary>As above, with <paramref name="environment"/> added to the child's environment.</summary>
        public static async Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host's MSBuild variables would point the child at the wrong SDK parts.
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBuildSDKsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " did not finish within " + timeout + ":\n" + output);
            }

            process.WaitForExit();
            return new CliResult(process.ExitCode, output.ToString(), "dotnet " + string.Join(" ", arguments));
        }

        public static string WriteFile(string folder, string name, string text)
        {
            string path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
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
    }

    internal sealed record CliResult(int ExitCode, string Output, string Command)
    {
        public CliResult EnsureSuccess() => this.ExitCode == 0 ? this : throw new InvalidOperationException(this.Command + " exited with " + this.ExitCode + ":\n" + this.Output);
    }
}
