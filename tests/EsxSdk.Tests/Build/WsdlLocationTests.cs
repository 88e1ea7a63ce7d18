using System;
using System.Diagnostics;
using System.IO;
using EsxSdk.Testing;
using Xunit;

namespace EsxSdk.Tests.Build
{
    /// <summary>
    /// wsdl/VimWsdl.props and .targets: VimWsdlDir, else wsdl/vim25/, else ../shared/wsdl/vim25-7.0u2/,
    /// else build error ESXB001; and the optional managed-object model: VimManagedObjectsDir, else ../shared/vmodl/,
    /// else none. Runs MSBuild on a throw-away project beside copies of the two files.
    /// </summary>
    public sealed class WsdlLocationTests : IDisposable
    {
        private readonly string root = Path.Combine(Path.GetTempPath(), "esxsdk-wsdl-" + Guid.NewGuid().ToString("N"));

        public WsdlLocationTests()
        {
            string wsdl = Directory.CreateDirectory(Path.Combine(this.root, "repo", "wsdl")).FullName;
            File.Copy(Path.Combine(TestPaths.RepoRoot, "wsdl", "VimWsdl.props"), Path.Combine(wsdl, "VimWsdl.props"));
            File.Copy(Path.Combine(TestPaths.RepoRoot, "wsdl", "VimWsdl.targets"), Path.Combine(wsdl, "VimWsdl.targets"));
            Directory.CreateDirectory(Path.Combine(this.root, "repo", "app"));
            File.WriteAllText(Path.Combine(this.root, "repo", "app", "app.proj"), """
                <Project>
                  <Import Project="../wsdl/VimWsdl.props" />
                  <Target Name="Show" DependsOnTargets="EsxSdkCheckVimWsdl">
                    <Message Importance="high" Text="DIR=$(VimWsdlFolder)" />
                    <Message Importance="high" Text="FILES=@(AdditionalFiles->'%(Filename)%(Extension)')" />
                    <Message Importance="high" Text="MODEL=@(AdditionalFiles->WithMetadataValue('EsxSdkKind', 'VimManagedObjects')->'%(FullPath)')" />
                  </Target>
                  <Import Project="../wsdl/VimWsdl.targets" />
                </Project>
                """);
        }

        [Fact]
        public void Without_any_WSDL_the_build_fails_with_ESXB001_saying_what_to_do()
        {
            (int exitCode, string output) = this.Build();

            Assert.NotEqual(0, exitCode);
            Assert.Contains("ESXB001", output, StringComparison.Ordinal);
            Assert.Contains("VimWsdlDir", output, StringComparison.Ordinal);
            Assert.Contains("https://HOST/sdk/vimService.wsdl", output, StringComparison.Ordinal);
        }

        [Fact]
        public void The_shared_folder_beside_the_repository_is_the_fallback()
        {
            string shared = this.WsdlSet(Path.Combine(this.root, "shared", "wsdl", "vim25-7.0u2"));

            (int exitCode, string output) = this.Build();

            Assert.Equal(0, exitCode);
            Assert.Contains("DIR=" + shared, output, StringComparison.Ordinal);
            Assert.Contains("vim.wsdl", output, StringComparison.Ordinal);
            Assert.Contains("core-types.xsd", output, StringComparison.Ordinal);
        }

        [Fact]
        public void A_copy_in_wsdl_vim25_wins_over_the_shared_folder()
        {
            this.WsdlSet(Path.Combine(this.root, "shared", "wsdl", "vim25-7.0u2"));
            string local = this.WsdlSet(Path.Combine(this.root, "repo", "wsdl", "vim25"));

            (int exitCode, string output) = this.Build();

            Assert.Equal(0, exitCode);
            Assert.Contains("DIR=" + local, output, StringComparison.Ordinal);
        }

        [Fact]
        public void VimWsdlDir_wins_over_everything()
        {
            this.WsdlSet(Path.Combine(this.root, "repo", "wsdl", "vim25"));
            string chosen = this.WsdlSet(Path.Combine(this.root, "mine"));

            (int exitCode, string output) = this.Build("-p:VimWsdlDir=" + chosen.TrimEnd('/'));

            Assert.Equal(0, exitCode);
            Assert.Contains("DIR=" + chosen, output, StringComparison.Ordinal);
        }

        [Fact]
        public void A_VimWsdlDir_without_vim_wsdl_fails_with_ESXB002()
        {
            string empty = Directory.CreateDirectory(Path.Combine(this.root, "empty")).FullName;

            (int exitCode, string output) = this.Build("-p:VimWsdlDir=" + empty);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("ESXB002", output, StringComparison.Ordinal);
            Assert.Contains(empty, output, StringComparison.Ordinal);
        }

        [Fact]
        public void The_model_in_the_shared_vmodl_folder_is_found_and_marked_for_the_generator()
        {
            this.WsdlSet(Path.Combine(this.root, "shared", "wsdl", "vim25-7.0u2"));
            string model = this.Model(Path.Combine(this.root, "shared", "vmodl"));

            (int exitCode, string output) = this.Build();

            Assert.Equal(0, exitCode);
            Assert.Contains("MODEL=" + model, output, StringComparison.Ordinal);
        }

        [Fact]
        public void Without_a_model_the_build_goes_on_without_one()
        {
            this.WsdlSet(Path.Combine(this.root, "shared", "wsdl", "vim25-7.0u2"));

            (int exitCode, string output) = this.Build();

            Assert.Equal(0, exitCode);
            Assert.Contains("MODEL=" + Environment.NewLine, output, StringComparison.Ordinal);
        }

        [Fact]
        public void VimManagedObjectsDir_wins_and_without_a_model_in_it_fails_with_ESXB004()
        {
            this.WsdlSet(Path.Combine(this.root, "shared", "wsdl", "vim25-7.0u2"));
            this.Model(Path.Combine(this.root, "shared", "vmodl"));
            string mine = this.Model(Path.Combine(this.root, "mine"));
            string empty = Directory.CreateDirectory(Path.Combine(this.root, "empty")).FullName;

            (int chosenExit, string chosen) = this.Build("-p:VimManagedObjectsDir=" + Path.GetDirectoryName(mine));
            (int emptyExit, string failed) = this.Build("-p:VimManagedObjectsDir=" + empty);

            Assert.Equal((0, true), (chosenExit, chosen.Contains("MODEL=" + mine + Environment.NewLine, StringComparison.Ordinal)));
            Assert.NotEqual(0, emptyExit);
            Assert.Contains("ESXB004", failed, StringComparison.Ordinal);
            Assert.Contains(empty, failed, StringComparison.Ordinal);
        }

        public void Dispose() => Directory.Delete(this.root, recursive: true);

        private string WsdlSet(string folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "vim.wsdl"), "<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\"/>");
            File.WriteAllText(Path.Combine(folder, "core-types.xsd"), "<schema xmlns=\"http://www.w3.org/2001/XMLSchema\"/>");
            return folder + "/";
        }

        private string Model(string folder)
        {
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, "vim25-8.0.3-managed-objects.json");
            File.WriteAllText(path, "{\"managedObjects\": []}");
            return path;
        }

        private (int ExitCode, string Output) Build(params string[] properties)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.Combine(this.root, "repo", "app"),
            };
            foreach (string argument in new[] { "msbuild", "app.proj", "-t:Show", "-nologo", "-v:m", "-nodeReuse:false" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (string property in properties)
            {
                start.ArgumentList.Add(property);
            }

            // The test process's own MSBuild variables would redirect the child build.
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBuildSDKsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd() + error.Result;
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("msbuild did not finish in 2 minutes:\n" + output);
            }

            return (process.ExitCode, output);
        }
    }
}
