using System;
using System.Linq;
using EsxSdk.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EsxSdk.Generator
{
    /// <summary>Reads the generator's MSBuild properties (made compiler-visible by the package's build files).</summary>
    internal static class GeneratorOptionsReader
    {
        private const string RootNamespaceProperty = "build_property.RootNamespace";
        private const string FallbackNamespace = "Vim25";

        public static GeneratorOptions Read(AnalyzerConfigOptions options) => ChooseNamespace(
            options.TryGetValue(VimBindingGenerator.NamespaceProperty, out string? ns) ? ns : null,
            options.TryGetValue(RootNamespaceProperty, out string? root) ? root : null) with
        {
            EmitTaskWrappers = IsTrue(options, VimBindingGenerator.TaskWrappersProperty),
        };

        public static bool IsTrue(AnalyzerConfigOptions options, string property)
            => options.TryGetValue(property, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static GeneratorOptions ChooseNamespace(string? configured, string? rootNamespace)
        {
            if (IsValidNamespace(configured))
            {
                return new GeneratorOptions(configured!.Trim(), null);
            }

            string fallback = IsValidNamespace(rootNamespace) ? rootNamespace!.Trim() + "." + FallbackNamespace : FallbackNamespace;
            return new GeneratorOptions(fallback, string.IsNullOrWhiteSpace(configured) ? null : configured);
        }

        private static bool IsValidNamespace(string? name)
            => !string.IsNullOrWhiteSpace(name)
               && name!.Trim().Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
    }
}
