using System;
using System.IO;
using System.Threading.Tasks;
using EsxSdk.Package.Tests.Support;
using EsxSdk.Testing;
using Xunit;

namespace EsxSdk.Package.Tests
{
    /// <summary>
    /// The package's build/EsxSdk.props and .targets on their own: VimWsdl items become AdditionalFiles, a consumer
    /// without them gets nothing and no error, and a half-configured own binding fails with ESXB003.
    /// </summary>
    public sealed class PackageBuildLogicTests : IDisposable
    {
        private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "esxsdk-buildlogic-" + Guid.NewGuid().ToString("N"))).FullName;

        [Fact]
        public async Task Without_VimWsdl_items_nothing_is_added_and_nothing_fails()
        {
            CliResult result = await this.EvaluateAsync(string.Empty, string.Empty);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("FILES=.", result.Output, StringComparison.Ordinal);
            Assert.Contains("VISIBLE=VimNamespace;RootNamespace.", result.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task VimWsdl_items_become_the_generator_s_AdditionalFiles()
        {
            string wsdl = TestPaths.Wsdl55;
            CliResult result = await this.EvaluateAsync("<VimNamespace>My.Vim55</VimNamespace>", $"<VimWsdl Include=\"{wsdl}/*.wsdl;{wsdl}/*.xsd\" />");

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("vim.wsdl", result.Output, StringComparison.Ordinal);
            Assert.Contains("vimService.wsdl", result.Output, StringComparison.Ordinal);
            Assert.Contains("core-types.xsd", result.Output, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("<VimNamespace>My.Vim55</VimNamespace>", "", "no VimWsdl item names a WSDL file")]
        [InlineData("", "<VimWsdl Include=\"/no/such/folder/vim.wsdl\" />", "name no existing .wsdl file")]
        public async Task A_half_configured_own_binding_fails_with_ESXB003(string properties, string items, string message)
        {
            CliResult result = await this.EvaluateAsync(properties, items);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("ESXB003", result.Output, StringComparison.Ordinal);
            Assert.Contains(message, result.Output, StringComparison.Ordinal);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(this.folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        private Task<CliResult> EvaluateAsync(string properties, string items)
        {
            string build = Path.Combine(TestPaths.RepoRoot, "runtime", "EsxSdk", "Package", "build");
            DotnetCli.WriteFile(this.folder, "app.proj", $"""
                <Project>
                  <Import Project="{build}/EsxSdk.props" />
                  <PropertyGroup>{properties}</PropertyGroup>
                  <ItemGroup>{items}</ItemGroup>
                  <Target Name="Show" DependsOnTargets="EsxSdkCheckVimWsdlItems">
                    <Message Importance="high" Text="FILES=@(AdditionalFiles->'%(Filename)%(Extension)')." />
                    <Message Importance="high" Text="VISIBLE=@(CompilerVisibleProperty)." />
                  </Target>
                  <Import Project="{build}/EsxSdk.targets" />
                </Project>
                """);
            return DotnetCli.RunAsync(this.folder, TimeSpan.FromMinutes(2), "msbuild", "app.proj", "-t:Show", "-nologo", "-nodeReuse:false");
        }
    }
}
