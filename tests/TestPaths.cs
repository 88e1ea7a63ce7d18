using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EsxSdk.Testing
{
    /// <summary>Folders the build recorded for the tests: the shared WSDL sets and the captured test data.</summary>
    internal static class TestPaths
    {
        public static string SharedWsdlRoot => Metadata("SharedWsdlRoot");

        public static string Wsdl70u2 => Path.Combine(SharedWsdlRoot, "vim25-7.0u2");

        public static string Wsdl55 => Path.Combine(SharedWsdlRoot, "vim25-5.5");

        /// <summary>The team's managed-object model, ../shared/vmodl beside the repository (beside the WSDL sets).</summary>
        public static string ManagedObjectModel => Path.GetFullPath(Path.Combine(SharedWsdlRoot, "..", "vmodl", "vim25-8.0.3-managed-objects.json"));

        public static string TestDataRoot => Metadata("TestDataRoot");

        public static string RepoRoot => Metadata("RepoRoot");

        private static string Metadata(string key) => typeof(TestPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException("Assembly metadata '" + key + "' is missing; see tests/Directory.Build.props.");
    }
}
