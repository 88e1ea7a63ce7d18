using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EsxSdk.Package.Tests.Support;
using Xunit;

namespace EsxSdk.Package.Tests
{
    /// <summary>
    /// The ReadyToRun images in the package (runtimes/&lt;rid&gt;/lib beside the IL-only lib/): one per RID, compiled for
    /// that OS and architecture, and the one a portable app's host actually loads on this machine.
    /// </summary>
    [Collection(PackageFeedCollection.Name)]
    public sealed class ReadyToRunTests(PackageFeedFixture feed)
    {
        /// <summary>The RIDs Package/ReadyToRun.targets compiles for, with the COFF machine crossgen2 writes (architecture XOR an OS tag off Windows).</summary>
        public static readonly TheoryData<string, ushort> Images = new()
        {
            { "linux-x64", 0x8664 ^ 0x7B79 },
            { "win-x64", 0x8664 },
        };

        private const string LoadedImageProgram = """
            using System.Reflection.PortableExecutable;
            using System.Runtime;

            string location = typeof(EsxSdk.Session.VimClient).Assembly.Location;
            using (var pe = new PEReader(File.OpenRead(location)))
            {
                Console.WriteLine("loaded: " + Path.GetRelativePath(AppContext.BaseDirectory, location).Replace('\\', '/'));
                Console.WriteLine("readytorun: " + (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0));
            }

            // A big generated method (a CreateObject switch): precompiled, it is not JIT-compiled on first use.
            long before = JitInfo.GetCompiledMethodCount();
            object? spec = EsxSdk.Vim25.VimTypeRegistry.Instance.CreateObject("VirtualMachineConfigSpec");
            Console.WriteLine("jitted for CreateObject: " + (JitInfo.GetCompiledMethodCount() - before) + " " + spec?.GetType().Name);
            """;

        private const string FirstLoginProgram = """
            using System.Net;
            using EsxSdk.Session;

            await using VimClient client = await VimClient.ConnectAsync(args[0], new NetworkCredential(args[1], args[2]));
            Console.WriteLine("logged in");
            """;

        /// <summary>
        /// A JIT-compiled method of a CoreLib async builder that an async method calls directly (not through the state
        /// machine box's virtual methods), instantiated over a state machine of EsxSdk or WCF, in a JitStdOutFile listing.
        /// </summary>
        private static readonly Regex AsyncBuilderCallOverOurStateMachines = new(
            @"JIT compiled System\.Runtime\.CompilerServices\.Async\w*MethodBuilder(`1)?(\[[^\]]*\])?:(Start|AwaitUnsafeOnCompleted|AwaitOnCompleted|GetStateMachineBox)\[.*(EsxSdk\.|System\.ServiceModel\.)",
            RegexOptions.CultureInvariant);

        [Theory]
        [MemberData(nameof(Images))]
        public void The_package_has_a_ReadyToRun_image_per_RID_beside_the_IL_only_assembly(string rid, ushort machine)
        {
            using ZipArchive package = ZipFile.OpenRead(feed.PackagePath);

            using (PEReader il = Open(package, "lib/net10.0/EsxSdk.dll"))
            {
                Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
            }

            using PEReader image = Open(package, "runtimes/" + rid + "/lib/net10.0/EsxSdk.dll");
            Assert.True(image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, rid + " image has no ReadyToRun header");
            Assert.Equal(machine, (ushort)image.PEHeaders.CoffHeader.Machine);
            Assert.NotNull(package.GetEntry("runtimes/" + rid + "/lib/net10.0/EsxSdk.pdb"));
        }

        [Fact]
        public async Task A_portable_app_loads_the_image_for_its_RID_and_does_not_JIT_the_precompiled_code()
        {
            var consumer = new ConsumerProject(feed, "ReadyToRunConsumer", LoadedImageProgram);
            (await consumer.BuildAsync()).EnsureSuccess();

            CliResult run = (await DotnetCli.RunAsync(consumer.Folder, TimeSpan.FromMinutes(2), consumer.Assembly)).EnsureSuccess();

            string rid = RuntimeInformation.RuntimeIdentifier;
            bool shipped = Images.Any(row => (string)row[0] == rid);
            string expected = shipped ? "runtimes/" + rid + "/lib/net10.0/EsxSdk.dll" : "EsxSdk.dll";
            Assert.Contains("loaded: " + expected, run.Output, StringComparison.Ordinal);
            Assert.Contains("readytorun: " + shipped, run.Output, StringComparison.Ordinal);
            if (shipped)
            {
                Assert.Contains("jitted for CreateObject: 0 VirtualMachineConfigSpec", run.Output, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task A_first_login_does_not_JIT_compile_CoreLib_s_async_builder_calls_over_EsxSdk_s_or_WCF_s_async_methods()
        {
            var consumer = new ConsumerProject(feed, "AsyncPlumbingConsumer", FirstLoginProgram);
            (await consumer.BuildAsync()).EnsureSuccess();
            string listing = Path.Combine(consumer.Folder, "jit.txt");
            var environment = new Dictionary<string, string> { ["DOTNET_JitStdOutFile"] = listing, ["DOTNET_JitDisasmSummary"] = "1" };

            CliResult run = (await consumer.RunAgainstVcsimAsync(environment)).EnsureSuccess();

            Assert.Contains("logged in", run.Output, StringComparison.Ordinal);
            string[] compiled = File.ReadAllLines(listing);
            // The listing is real: the program's own async Main is always JIT-compiled.
            Assert.Contains(compiled, line => line.Contains("JIT compiled Program:", StringComparison.Ordinal));
            if (Images.Any(row => (string)row[0] == RuntimeInformation.RuntimeIdentifier))
            {
                string[] found = compiled.Where(line => AsyncBuilderCallOverOurStateMachines.IsMatch(line)).ToArray();
                Assert.True(found.Length == 0, found.Length + " async builder methods JIT-compiled:\n" + string.Join("\n", found.Take(20)));
            }
        }

        internal static PEReader Open(ZipArchive package, string entry)
        {
            ZipArchiveEntry found = package.GetEntry(entry) ?? throw new InvalidOperationException(entry + " is not in the package");
            var bytes = new MemoryStream();
            using (Stream stream = found.Open())
            {
                stream.CopyTo(bytes);
            }

            bytes.Position = 0;
            return new PEReader(bytes);
        }
    }
}
