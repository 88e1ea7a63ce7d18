using System;
using System.IO;
using System.Linq;
using EsxSdk.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace EsxSdk.Analyzers.Tests.Support
{
    /// <summary>Test sources compile against this process's .NET 10 assemblies and the real EsxSdk runtime: nothing is downloaded.</summary>
    internal static class TestReferences
    {
        public static readonly ReferenceAssemblies None = new("net10.0");

        /// <summary>This process's .NET assemblies and EsxSdk.dll, read once.</summary>
        public static readonly Lazy<MetadataReference[]> All = new(() => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Append(typeof(VimTaskStarterAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

        public static void AddTo(SolutionState state) => state.AdditionalReferences.AddRange(All.Value);
    }
}
