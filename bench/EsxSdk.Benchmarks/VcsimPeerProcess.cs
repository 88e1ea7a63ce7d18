using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Tasks;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Runs the vcsim test peer (tests/vcsim/peer, built by bench/run.sh) for the duration of a measure: it prints one
    /// JSON ready line and exits when its stdin closes (the same protocol as the tests' VcsimPeer).
    /// </summary>
    public sealed class VcsimPeerProcess : IAsyncDisposable
    {
        public const string User = "esxsdk";
        public const string Password = "esxsdk-test-pass";

        private readonly Process process;

        private VcsimPeerProcess(Process process, Uri url, string apiVersion, IReadOnlyDictionary<string, string> questionVms)
        {
            this.process = process;
            this.Url = url;
            this.ApiVersion = apiVersion;
            this.QuestionVms = questionVms;
        }

        public Uri Url { get; }

        public string ApiVersion { get; }

        /// <summary>With -questions: role (serial, slow, crowd-N, ...) to the staged VM's name.</summary>
        public IReadOnlyDictionary<string, string> QuestionVms { get; }

        /// <summary>The peer executable: $ESXSDK_BENCH_PEER (bench/run.sh sets it).</summary>
        public static string ExecutablePath => Environment.GetEnvironmentVariable("ESXSDK_BENCH_PEER")
            ?? throw new InvalidOperationException("Set ESXSDK_BENCH_PEER to the built vcsim peer (bench/run.sh does).");

        /// <summary>Starts a vCenter-model peer with <paramref name="vmsPerPool"/> VMs in each of its two resource pools.</summary>
        public static Task<VcsimPeerProcess> StartAsync(int vmsPerPool)
            => StartAsync(["-model", "vpx", "-vms", vmsPerPool.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        /// <summary>Starts a peer with the given flags (see tests/vcsim/README.md).</summary>
        public static async Task<VcsimPeerProcess> StartAsync(IReadOnlyList<string> arguments)
        {
            var start = new ProcessStartInfo(ExecutablePath, arguments)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + ExecutablePath);
            // vcsim logs every call to stderr: drain it so it can never block the peer.
            process.ErrorDataReceived += static (_, _) => { };
            process.BeginErrorReadLine();
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            if (line is null)
            {
                throw new InvalidOperationException("The vcsim peer exited before it was ready (exit code " + (process.HasExited ? process.ExitCode : -1) + ")");
            }

            using JsonDocument ready = JsonDocument.Parse(line);
            var questionVms = new Dictionary<string, string>(StringComparer.Ordinal);
            if (ready.RootElement.TryGetProperty("questionVms", out JsonElement vms))
            {
                foreach (JsonProperty vm in vms.EnumerateObject())
                {
                    questionVms[vm.Name] = vm.Value.GetString()!;
                }
            }

            return new VcsimPeerProcess(
                process,
                new Uri(ready.RootElement.GetProperty("url").GetString()!),
                ready.RootElement.GetProperty("apiVersion").GetString()!,
                questionVms);
        }

        public async ValueTask DisposeAsync()
        {
            this.process.StandardInput.Close();
            try
            {
                await this.process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                this.process.Kill();
            }

            this.process.Dispose();
        }
    }
}
