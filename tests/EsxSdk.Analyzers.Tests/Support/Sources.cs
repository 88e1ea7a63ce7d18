namespace EsxSdk.Analyzers.Tests.Support
{
    /// <summary>Test source scaffolding: usings, a method with a client and two VMs, and a binding without wrappers.</summary>
    internal static class Sources
    {
        public const string Prelude = """
            using System.Threading;
            using System.Threading.Tasks;
            using EsxSdk;
            using EsxSdk.Properties;
            using EsxSdk.Session;
            using EsxSdk.Tasks;
            using EsxSdk.Vim25;

            """;

        /// <summary>A binding generated from a consumer's own WSDL: raw starters marked, no wrappers.</summary>
        public const string OwnBinding = Prelude + """
            namespace Own
            {
                public sealed class ManagedObjectReference { }

                public sealed class VimService
                {
                    [VimTaskStarter("PowerOnVM_Task")]
                    public Task<ManagedObjectReference> PowerOnVMTaskAsync(ManagedObjectReference @this, ManagedObjectReference? host = null, CancellationToken cancellationToken = default)
                        => Task.FromResult(new ManagedObjectReference());
                }
            }

            """;

        /// <summary><paramref name="body"/> inside <c>async Task RunAsync(VimClient client, ManagedObjectReference vm, ManagedObjectReference other, CancellationToken ct)</c>.</summary>
        public static string Method(string body) => Prelude + """
            sealed class Example
            {
                private readonly ManagedObjectReference vm = new("VirtualMachine", "vm-1");

                async Task RunAsync(VimClient client, ManagedObjectReference vm, ManagedObjectReference other, CancellationToken ct)
                {
            """ + "\n" + Indent(body) + """

                }

                static void Keep(object? value) { }
            }
            """;

        private static string Indent(string body) => "        " + body.Replace("\n", "\n        ");
    }
}
