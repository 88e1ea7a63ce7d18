using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using EsxSdk.Testing;
using EsxSdk.Tests.Support;
using Xunit;

namespace EsxSdk.Package.Tests.Support
{
    /// <summary>
    /// Packs the runtime (as built, <c>--no-build</c>) into a folder feed under a fresh temp folder with a
    /// version of its own (so no stale copy in the NuGet cache is used), and starts one vcsim for the consumers.
    /// </summary>
    public sealed class PackageFeedFixture : IAsyncLifetime
    {
        public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);

        private VcsimPeer? peer;

        public string Root { get; } = Path.Combine(Path.GetTempPath(), "esxsdk-package-" + Guid.NewGuid().ToString("N"));

        public string Feed => Path.Combine(this.Root, "feed");

        public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

        public string PackagePath => Path.Combine(this.Feed, "EsxSdk." + this.Version + ".nupkg");

        public VcsimPeer Peer => this.peer ?? throw new InvalidOperationException("vcsim has not been started.");

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(this.Root);

            // Stop MSBuild's search for Directory.Build.* and NuGet.config above the temp folder at this folder.
            DotnetCli.WriteFile(this.Root, "Directory.Build.props", "<Project />\n");
            DotnetCli.WriteFile(this.Root, "Directory.Build.targets", "<Project />\n");
            DotnetCli.WriteFile(this.Root, "NuGet.config", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="esxsdk-test-feed" value="{this.Feed}" />
                  </packageSources>
                </configuration>
                """);

            string configuration = typeof(PackageFeedFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value!;
            Task<CliResult> pack = DotnetCli.RunAsync(
                this.Root,
                CommandTimeout,
                "pack", Path.Combine(TestPaths.RepoRoot, "runtime", "EsxSdk", "EsxSdk.csproj"),
                "-c", configuration, "--no-build", "-o", this.Feed, "-p:Version=" + this.Version, "-nodeReuse:false");
            Task<VcsimPeer> start = VcsimPeer.StartAsync(new VcsimPeerOptions { Model = VcsimModel.Vpx });
            (await pack).EnsureSuccess();
            this.peer = await start;
        }

        public async Task DisposeAsync()
        {
            if (this.peer is not null)
            {
                await this.peer.DisposeAsync();
            }

            TryDelete(this.Root);
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            TryDelete(Path.Combine(packages, "esxsdk", this.Version));
        }

        private static void TryDelete(string folder)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
