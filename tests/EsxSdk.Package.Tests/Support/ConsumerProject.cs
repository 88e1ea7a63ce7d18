using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace EsxSdk.Package.Tests.Support
{
    /// <summary>A throw-away console project referencing the EsxSdk package from the test feed.</summary>
    internal sealed class ConsumerProject
    {
        private readonly PackageFeedFixture feed;

        public ConsumerProject(PackageFeedFixture feed, string name, string program, string properties = "", string items = "")
        {
            this.feed = feed;
            this.Name = name;
            this.Folder = Path.Combine(feed.Root, name);
            DotnetCli.WriteFile(this.Folder, name + ".csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                {properties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="EsxSdk" Version="{feed.Version}" />
                  </ItemGroup>
                {items}
                </Project>
                """);
            DotnetCli.WriteFile(this.Folder, "Program.cs", program);
        }

        public string Name { get; }

        public string Folder { get; }

        public string Assembly => Path.Combine(this.Folder, "bin", "Release", "net10.0", this.Name + ".dll");

        /// <summary>Restores (from the feed) and builds in Release; the output has every warning.</summary>
        public Task<CliResult> BuildAsync(params string[] arguments) => DotnetCli.RunAsync(
            this.Folder, PackageFeedFixture.CommandTimeout, ["build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-consoleLoggerParameters:NoSummary", .. arguments]);

        /// <summary>The build output folder: bin/Release/net10.0, or its RID subfolder for a build with <c>-r</c>.</summary>
        public string Output(string? runtimeIdentifier = null) => Path.Combine(this.Folder, "bin", "Release", "net10.0", runtimeIdentifier ?? string.Empty);

        /// <summary>Runs the built program against the fixture's vcsim: arguments URL, user, password; <paramref name="environment"/> added to its environment.</summary>
        public Task<CliResult> RunAgainstVcsimAsync(IReadOnlyDictionary<string, string>? environment = null) => DotnetCli.RunAsync(
            this.Folder, TimeSpan.FromMinutes(2), environment, this.Assembly, this.feed.Peer.Url.ToString(), this.feed.Peer.User, this.feed.Peer.Password);
    }
}
