using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// A running vcsim (tests/vcsim/peer): a separate process serving the vim25 SOAP API over plain HTTP on
    /// 127.0.0.1. Disposing closes its stdin (the peer's signal to shut down), waits up to 5 s, then kills it.
    /// </summary>
    public sealed class VcsimPeer : IAsyncDisposable
    {
        public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

        private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(5);

        private const int MaxStandardErrorLines = 500;

        private readonly Process process;
        private readonly Queue<string> standardError;
        private int disposed;

        private static readonly System.Net.Http.HttpClient CallsHttp = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        private VcsimPeer(
            Process process, Queue<string> standardError, VcsimPeerOptions options, Uri url, string apiVersion,
            IReadOnlyDictionary<string, string> questionVms)
        {
            this.QuestionVms = questionVms;
            this.process = process;
            this.standardError = standardError;
            this.Model = options.Model;
            this.User = options.User;
            this.Password = options.Password;
            this.Url = url;
            this.ApiVersion = apiVersion;
            this.ProcessId = process.Id;
        }

        /// <summary>The SOAP endpoint, <c>http://127.0.0.1:PORT/sdk</c>.</summary>
        public Uri Url { get; }

        public VcsimModel Model { get; }

        public string User { get; }

        public string Password { get; }

        /// <summary>The simulator's <c>about.apiVersion</c> (6.5 for govmomi 0.24.2).</summary>
        public string ApiVersion { get; }

        public int ProcessId { get; }

        /// <summary>With <see cref="VcsimPeerOptions.Questions"/>: role (serial, cdrom, ...) to staged VM name; empty otherwise.</summary>
        public IReadOnlyDictionary<string, string> QuestionVms { get; }

        /// <summary>
        /// The AnswerVM and CancelTask calls the peer received (GET /esxsdk/calls, JSON lines; -questions only), oldest first.
        /// </summary>
        public async Task<IReadOnlyList<VcsimRecordedCall>> GetRecordedCallsAsync(CancellationToken cancellationToken = default)
        {
            var uri = new Uri(this.Url, "/esxsdk/calls");
            string text = await CallsHttp.GetStringAsync(uri, cancellationToken);
            var result = new List<VcsimRecordedCall>();
            foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using JsonDocument json = JsonDocument.Parse(line);
                JsonElement e = json.RootElement;
                string? Get(string name) => e.TryGetProperty(name, out JsonElement v) ? v.GetString() : null;
                result.Add(new VcsimRecordedCall(
                    Get("method") ?? "", Get("vm"), Get("vmName"), Get("questionId"), Get("answerChoice"), Get("task"), Get("result") ?? ""));
            }

            return result;
        }

        /// <summary>The exit code once disposed; null while running.</summary>
        public int? ExitCode { get; private set; }

        /// <summary>True if the peer did not exit within 5 s of its stdin closing and was killed.</summary>
        public bool WasKilled { get; private set; }

        /// <summary>The last lines the peer wrote to stderr (the simulator logs faults there).</summary>
        public string StandardError
        {
            get
            {
                lock (this.standardError)
                {
                    return string.Join("\n", this.standardError);
                }
            }
        }

        /// <summary>Builds the peer if needed, starts it and waits (up to 30 s) for its ready line.</summary>
        public static async Task<VcsimPeer> StartAsync(VcsimPeerOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new VcsimPeerOptions();
            string binary = await VcsimBuild.EnsureBuiltAsync(cancellationToken);

            var startInfo = new ProcessStartInfo(binary)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in Arguments(options))
            {
                startInfo.ArgumentList.Add(argument);
            }

            string commandLine = binary + " " + string.Join(" ", startInfo.ArgumentList);
            var standardError = new Queue<string>();
            var process = new Process { StartInfo = startInfo };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (standardError)
                {
                    if (standardError.Count == MaxStandardErrorLines)
                    {
                        standardError.Dequeue();
                    }

                    standardError.Enqueue(e.Data);
                }
            };

            try
            {
                process.Start();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                process.Dispose();
                throw new InvalidOperationException("Cannot start the vcsim peer " + commandLine + ": " + e.Message, e);
            }

            process.BeginErrorReadLine();

            string? line;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(ReadyTimeout);
                try
                {
                    line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    await KillAsync(process);
                    string stderr = Snapshot(standardError);
                    process.Dispose();
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new InvalidOperationException(
                        "The vcsim peer did not print its ready line within " + ReadyTimeout.TotalSeconds + " s and was killed: "
                        + commandLine + "\nstderr:\n" + stderr);
                }
            }

            if (line is null)
            {
                // stdout closed: the peer exited (or is exiting) before it was ready.
                await WaitOrKillAsync(process);
                string stderr = Snapshot(standardError);
                int exitCode = process.ExitCode;
                process.Dispose();
                throw new InvalidOperationException(
                    "The vcsim peer exited with code " + exitCode + " before printing its ready line: " + commandLine
                    + "\nstderr:\n" + stderr);
            }

            (Uri url, string apiVersion, IReadOnlyDictionary<string, string> questionVms) ready;
            try
            {
                ready = ParseReadyLine(line);
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                await KillAsync(process);
                string stderr = Snapshot(standardError);
                process.Dispose();
                throw new InvalidOperationException(
                    "The vcsim peer printed an unexpected ready line (" + e.Message + "): " + line + "\nstderr:\n" + stderr, e);
            }

            // Nothing more is expected on stdout; keep reading so the pipe can never fill up.
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            return new VcsimPeer(process, standardError, options, ready.url, ready.apiVersion, ready.questionVms);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) != 0)
            {
                return;
            }

            try
            {
                try
                {
                    this.process.StandardInput.Close();
                }
                catch (System.IO.IOException)
                {
                    // The peer is already gone (broken pipe).
                }

                this.WasKilled = await WaitOrKillAsync(this.process);
                this.ExitCode = this.process.ExitCode;
            }
            finally
            {
                this.process.Dispose();
            }
        }

        public override string ToString() => "vcsim " + this.Model + " " + this.Url;

        private static IEnumerable<string> Arguments(VcsimPeerOptions options)
        {
            yield return "-model";
            yield return options.Model switch
            {
                VcsimModel.Vpx => "vpx",
                VcsimModel.Esx => "esx",
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Model, "Unknown vcsim model."),
            };
            yield return "-user";
            yield return options.User;
            yield return "-password";
            yield return options.Password;
            if (options.SessionIdleTimeout is TimeSpan idle)
            {
                // A Go duration; nanoseconds keep sub-millisecond values exact.
                yield return "-session-idle-timeout";
                yield return (idle.Ticks * 100).ToString(CultureInfo.InvariantCulture) + "ns";
            }

            if (options.Vms is int vms)
            {
                yield return "-vms";
                yield return vms.ToString(CultureInfo.InvariantCulture);
            }

            if (options.Hosts is int hosts)
            {
                yield return "-hosts";
                yield return hosts.ToString(CultureInfo.InvariantCulture);
            }

            if (options.ContainerViews != VcsimContainerViews.Available)
            {
                yield return "-container-views";
                yield return options.ContainerViews switch
                {
                    VcsimContainerViews.Absent => "absent",
                    VcsimContainerViews.Unsupported => "unsupported",
                    _ => throw new ArgumentOutOfRangeException(nameof(options), options.ContainerViews, "Unknown container view mode."),
                };
            }

            if (options.Questions)
            {
                yield return "-questions";
            }

            if (options.QuestionCrowd > 0)
            {
                yield return "-question-crowd";
                yield return options.QuestionCrowd.ToString(CultureInfo.InvariantCulture);
            }

            if (options.QueueTasks)
            {
                yield return "-queue-tasks";
            }

            if (options.BusyTaskDuration is TimeSpan busy)
            {
                yield return "-busy-task-duration";
                yield return (busy.Ticks * 100).ToString(CultureInfo.InvariantCulture) + "ns";
            }
        }

        private static (Uri Url, string ApiVersion, IReadOnlyDictionary<string, string> QuestionVms) ParseReadyLine(string line)
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            string url = root.GetProperty("url").GetString() ?? throw new FormatException("url is null");
            string apiVersion = root.GetProperty("apiVersion").GetString() ?? throw new FormatException("apiVersion is null");
            var questionVms = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("questionVms", out JsonElement vms))
            {
                foreach (JsonProperty vm in vms.EnumerateObject())
                {
                    questionVms[vm.Name] = vm.Value.GetString() ?? throw new FormatException("questionVms." + vm.Name + " is null");
                }
            }

            return (new Uri(url, UriKind.Absolute), apiVersion, questionVms);
        }

        /// <summary>Waits up to 5 s for the process to exit by itself, then kills it.</summary>
        private static async Task<bool> WaitOrKillAsync(Process process)
        {
            using var timeout = new CancellationTokenSource(ExitTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                process.WaitForExit();
                return false;
            }
            catch (OperationCanceledException)
            {
                await KillAsync(process);
                return true;
            }
        }

        /// <summary>Kills the process tree if it is still running and waits for it (and its stderr) to end.</summary>
        private static async Task KillAsync(Process process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            await process.WaitForExitAsync(CancellationToken.None);

            // The parameterless wait also waits until the redirected stderr has been read to its end.
            process.WaitForExit();
        }

        private static string Snapshot(Queue<string> lines)
        {
            lock (lines)
            {
                return string.Join("\n", lines);
            }
        }
    }
}
