using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EsxSdk.Package.Tests.Support;
using EsxSdk.Testing;
using Xunit;

namespace EsxSdk.Package.Tests
{
    /// <summary>
    /// The EsxSdk package as a consumer sees it: packed into a folder feed, restored by throw-away projects in a
    /// temp folder, built (analyzers run) and run against vcsim; and a consumer bringing its own vim25 5.5 WSDL.
    /// </summary>
    [Collection(PackageFeedCollection.Name)]
    public sealed class PackageTests(PackageFeedFixture feed)
    {
        /// <summary>The consumer's raw start is on this line of its Program.cs (1-based).</summary>
        private const int RawStartLine = 10;

        private const string TaskConsumerProgram = """
            using System.Net;
            using EsxSdk.Properties;
            using EsxSdk.Session;
            using EsxSdk.Vim25;

            await using VimClient client = await VimClient.ConnectAsync(args[0], new NetworkCredential(args[1], args[2]));
            ManagedObjectReference vm = await client.FindVirtualMachineByNameAsync("DC0_H0_VM0") ?? throw new InvalidOperationException("no VM DC0_H0_VM0");
            await client.Service.PowerOffVMAsync(vm);
            Console.WriteLine("wrapper: " + (await client.GetPropertiesAsync(vm, "runtime.powerState"))["runtime.powerState"]);
            ManagedObjectReference task = await client.Service.PowerOnVMTaskAsync(vm);
            Console.WriteLine("raw start: " + task.Type);
            """;

        [Fact]
        public void The_package_holds_runtime_generator_analyzers_build_logic_and_readme()
        {
            using ZipArchive package = ZipFile.OpenRead(feed.PackagePath);
            string[] entries = package.Entries.Select(e => e.FullName).ToArray();

            Assert.Contains("lib/net10.0/EsxSdk.dll", entries);
            Assert.Contains("lib/net10.0/EsxSdk.xml", entries);
            Assert.Contains("lib/net10.0/EsxSdk.pdb", entries);
            Assert.Contains("analyzers/dotnet/cs/EsxSdk.Generator.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/EsxSdk.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/EsxSdk.Analyzers.CodeFixes.dll", entries);
            Assert.Contains("build/EsxSdk.props", entries);
            Assert.Contains("build/EsxSdk.targets", entries);
            Assert.Contains("buildTransitive/EsxSdk.props", entries);
            Assert.Contains("buildTransitive/EsxSdk.targets", entries);
            Assert.Contains("README.md", entries);
            string nuspec = new StreamReader(package.GetEntry("EsxSdk.nuspec")!.Open()).ReadToEnd();
            Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\" url=\"https://github.com/esxsdk/esxsdk\"", nuspec, StringComparison.Ordinal);
        }

        [Fact]
        public void The_package_is_MIT_licensed_with_copyright_and_release_notes_and_its_readme_is_the_users_guide()
        {
            using ZipArchive package = ZipFile.OpenRead(feed.PackagePath);
            string nuspec = new StreamReader(package.GetEntry("EsxSdk.nuspec")!.Open()).ReadToEnd();
            string readme = new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd();

            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<copyright>Copyright (c) 2026 EsxSdk contributors</copyright>", nuspec, StringComparison.Ordinal);
            Assert.Matches(@"<releaseNotes>0\.1\.0\s", nuspec);
            foreach (string topic in new[] { "auto_answer", "no_verify", "thumbprint", "allow_plaintext", "## Tasks and VM questions", "## Reliability", "## Listing and finding", "## Analyzers", "## A binding from your own WSDL" })
            {
                Assert.Contains(topic, readme, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void The_documentation_file_documents_the_public_API_only()
        {
            using ZipArchive package = ZipFile.OpenRead(feed.PackagePath);
            string docs = new StreamReader(package.GetEntry("lib/net10.0/EsxSdk.xml")!.Open()).ReadToEnd();

            Assert.Contains("\"T:EsxSdk.Session.VimClient\"", docs, StringComparison.Ordinal);
            Assert.Contains("\"M:EsxSdk.Session.VimClient.LogoutAsync(System.Threading.CancellationToken)\"", docs, StringComparison.Ordinal);
            Assert.Contains("\"P:EsxSdk.Tasks.VimQuestionChoice.Key\"", docs, StringComparison.Ordinal);
            Assert.Contains("\"P:EsxSdk.Tasks.VimTaskProgress.Percent\"", docs, StringComparison.Ordinal);
            Assert.DoesNotContain("EsxSdk.Tasks.VimTaskWaiter", docs, StringComparison.Ordinal);
            Assert.DoesNotContain("EsxSdk.Session.VimOutagePolicy", docs, StringComparison.Ordinal);
            Assert.DoesNotContain("\"P:EsxSdk.Session.VimClient.Outages\"", docs, StringComparison.Ordinal); // internal member of a public type
        }

        [Fact]
        public async Task A_consumer_gets_ESX0001_for_the_raw_start_only_and_runs_against_vcsim()
        {
            var consumer = new ConsumerProject(feed, "TaskConsumer", TaskConsumerProgram);

            CliResult build = (await consumer.BuildAsync()).EnsureSuccess();

            int[] esx0001Lines = Regex.Matches(build.Output, @"Program\.cs\((\d+),\d+\): warning ESX0001")
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Distinct()
                .ToArray();
            Assert.True(esx0001Lines.SequenceEqual(new[] { RawStartLine }), "ESX0001 expected on line " + RawStartLine + " only:\n" + build.Output);
            Assert.Contains("docs/rules/ESX0001.md", build.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("warning ESX0002", build.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("warning CS", build.Output, StringComparison.Ordinal);

            CliResult run = (await consumer.RunAgainstVcsimAsync()).EnsureSuccess();
            Assert.Contains("wrapper: poweredOff", run.Output, StringComparison.Ordinal);
            Assert.Contains("raw start: Task", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_consumer_with_its_own_WSDL_gets_its_binding_beside_the_package_one_and_calls_vcsim()
        {
            string wsdl = TestPaths.Wsdl55.Replace('\\', '/');
            var consumer = new ConsumerProject(
                feed,
                "OwnWsdlConsumer",
                """
                using System.Net;
                using EsxSdk.Session;

                await using VimClient client = await VimClient.ConnectAsync(args[0], new NetworkCredential(args[1], args[2]));
                var service55 = new OwnWsdl.Vim55.VimService(client.ForBinding(OwnWsdl.Vim55.VimTypeRegistry.Instance));
                OwnWsdl.Vim55.ServiceContent content = await service55.RetrieveServiceContentAsync(new OwnWsdl.Vim55.ManagedObjectReference("ServiceInstance", "ServiceInstance"));
                Console.WriteLine("own binding " + OwnWsdl.Vim55.VimService.WsdlApiVersion + ", package binding " + EsxSdk.Vim25.VimService.WsdlApiVersion);
                Console.WriteLine("about: " + content.About?.ApiType + " " + content.About?.ApiVersion);
                """,
                properties: "    <VimNamespace>OwnWsdl.Vim55</VimNamespace>",
                items: $"""
                  <ItemGroup>
                    <VimWsdl Include="{wsdl}/*.wsdl;{wsdl}/*.xsd" />
                  </ItemGroup>
                """);

            CliResult build = (await consumer.BuildAsync()).EnsureSuccess();
            Assert.DoesNotContain(": warning", build.Output, StringComparison.Ordinal);

            CliResult run = (await consumer.RunAgainstVcsimAsync()).EnsureSuccess();
            Assert.Matches(@"own binding 5\.5[.0-9]*, package binding 7\.0", run.Output);
            Assert.Contains("about: VirtualCenter", run.Output, StringComparison.Ordinal);
        }
    }
}
