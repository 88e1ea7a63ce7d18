using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using EsxSdk.Package.Tests.Support;
using Xunit;

namespace EsxSdk.Package.Tests
{
    /// <summary>
    /// The ReadyToRun copies of WCF's assemblies in the package (readytorun/&lt;rid&gt;/&lt;package&gt;/&lt;version&gt;/) and
    /// build/EsxSdk.targets, which puts them into an app: as runtimeTargets of a portable app, in place of NuGet's files
    /// for an app built for a RID, and not at all when the app opts out or resolves another WCF version.
    /// </summary>
    [Collection(PackageFeedCollection.Name)]
    public sealed class WcfReadyToRunTests(PackageFeedFixture feed)
    {
        private static readonly string[] WcfPackages = ["System.ServiceModel.Primitives", "System.ServiceModel.Http"];

        private const string LoadedWcfProgram = """
            using System.Reflection.PortableExecutable;

            foreach (Type type in new[] { typeof(System.ServiceModel.ChannelFactory), typeof(System.ServiceModel.BasicHttpBinding) })
            {
                string location = type.Assembly.Location;
                using var pe = new PEReader(File.OpenRead(location));
                Console.WriteLine(type.Assembly.GetName().Name + " loaded: " + Path.GetRelativePath(AppContext.BaseDirectory, location).Replace('\\', '/')
                    + " readytorun: " + (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0));
            }
            """;

        private static string Rid => RuntimeInformation.RuntimeIdentifier;

        private static bool Shipped => ReadyToRunTests.Images.Any(row => (string)row[0] == Rid);

        [Theory]
        [MemberData(nameof(ReadyToRunTests.Images), MemberType = typeof(ReadyToRunTests))]
        public void The_package_has_a_ReadyToRun_copy_of_every_WCF_runtime_assembly_per_RID(string rid, ushort machine)
        {
            using ZipArchive package = ZipFile.OpenRead(feed.PackagePath);
            foreach (string wcfPackage in WcfPackages)
            {
                string prefix = "readytorun/" + rid + "/" + wcfPackage + "/";
                string[] entries = package.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.FullName[prefix.Length..]).ToArray();
                string version = Assert.Single(entries.Select(e => e.Split('/')[0]).Distinct());

                string nugetFiles = Path.Combine(GlobalPackagesFolder, wcfPackage.ToLowerInvariant(), version, "lib", "net10.0");
                string[] expected = Directory.GetFiles(nugetFiles, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
                Assert.Equal(expected, entries.Select(e => e[(version.Length + 1)..]).Order(StringComparer.Ordinal).ToArray());

                foreach (string file in expected)
                {
                    using PEReader image = ReadyToRunTests.Open(package, prefix + version + "/" + file);
                    Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, prefix + file + " has no ReadyToRun header");
                    Assert.Equal(machine, (ushort)image.PEHeaders.CoffHeader.Machine);
                }
            }
        }

        [Fact]
        public async Task A_portable_app_loads_the_copies_for_its_RID_and_keeps_NuGet_s_files_for_other_machines()
        {
            var consumer = new ConsumerProject(feed, "WcfPortableConsumer", LoadedWcfProgram);
            (await consumer.BuildAsync()).EnsureSuccess();

            CliResult run = (await DotnetCli.RunAsync(consumer.Folder, TimeSpan.FromMinutes(2), consumer.Assembly)).EnsureSuccess();

            foreach (string assembly in new[] { "System.ServiceModel.Primitives", "System.ServiceModel.Http" })
            {
                string expected = Shipped ? "runtimes/" + Rid + "/lib/net10.0/" + assembly + ".dll" : assembly + ".dll";
                Assert.Contains(assembly + " loaded: " + expected + " readytorun: " + Shipped, run.Output, StringComparison.Ordinal);
                Assert.False(IsReadyToRun(Path.Combine(consumer.Output(), assembly + ".dll")), "NuGet's IL-only file stays beside the copies");
                foreach (object[] row in ReadyToRunTests.Images)
                {
                    Assert.True(IsReadyToRun(Path.Combine(consumer.Output(), "runtimes", (string)row[0], "lib", "net10.0", assembly + ".dll")));
                }
            }
        }

        [Fact]
        public async Task An_app_built_for_a_RID_gets_the_copies_in_place_of_NuGet_s_files()
        {
            var consumer = new ConsumerProject(feed, "WcfRidConsumer", LoadedWcfProgram);
            (await consumer.BuildAsync("-r", Rid)).EnsureSuccess();

            string assembly = Path.Combine(consumer.Output(Rid), consumer.Name + ".dll");
            CliResult run = (await DotnetCli.RunAsync(consumer.Folder, TimeSpan.FromMinutes(2), assembly)).EnsureSuccess();

            Assert.Contains("System.ServiceModel.Primitives loaded: System.ServiceModel.Primitives.dll readytorun: " + Shipped, run.Output, StringComparison.Ordinal);
            Assert.Contains("System.ServiceModel.Http loaded: System.ServiceModel.Http.dll readytorun: " + Shipped, run.Output, StringComparison.Ordinal);
            Assert.Empty(CopiesUnderRuntimes(consumer.Output(Rid), "System.ServiceModel*.dll"));
        }

        [Theory]
        [InlineData("OptedOut", "<EsxSdkReadyToRunWcf>false</EsxSdkReadyToRunWcf>", "", false)]
        // The app pins an older Primitives (a downgrade NuGet warns about): no copy of it is made for that version, Http's still is.
        [InlineData("OtherVersion", "<NoWarn>$(NoWarn);NU1605</NoWarn>", """<ItemGroup><PackageReference Include="System.ServiceModel.Primitives" Version="10.0.652802" /></ItemGroup>""", true)]
        public async Task Opting_out_or_another_WCF_version_keeps_NuGet_s_IL_only_files(string name, string properties, string items, bool httpCopied)
        {
            var consumer = new ConsumerProject(feed, "Wcf" + name + "Consumer", "Console.WriteLine(\"built\");", properties, items);
            (await consumer.BuildAsync()).EnsureSuccess();

            Assert.False(IsReadyToRun(Path.Combine(consumer.Output(), "System.ServiceModel.Primitives.dll")));
            Assert.Empty(CopiesUnderRuntimes(consumer.Output(), "System.ServiceModel.Primitives.dll"));
            Assert.Equal(httpCopied ? ReadyToRunTests.Images.Count : 0, CopiesUnderRuntimes(consumer.Output(), "System.ServiceModel.Http.dll").Length);
        }

        private static string GlobalPackagesFolder => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        private static string[] CopiesUnderRuntimes(string output, string pattern) =>
            Directory.Exists(Path.Combine(output, "runtimes")) ? Directory.GetFiles(Path.Combine(output, "runtimes"), pattern, SearchOption.AllDirectories) : [];

        private static bool IsReadyToRun(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        }
    }
}
