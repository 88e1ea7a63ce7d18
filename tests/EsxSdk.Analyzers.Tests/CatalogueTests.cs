using System;
using System.IO;
using System.Linq;
using System.Reflection;
using EsxSdk.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>Every analyzer rule has its docs/rules page, its help link and its release-tracking line.</summary>
    public sealed class CatalogueTests
    {
        public static TheoryData<string> Rules()
        {
            var data = new TheoryData<string>();
            foreach (DiagnosticDescriptor descriptor in AllDescriptors())
            {
                data.Add(descriptor.Id);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Rules))]
        public void A_rule_has_a_page_a_help_link_and_a_release_entry(string id)
        {
            DiagnosticDescriptor descriptor = AllDescriptors().Single(d => d.Id == id);
            Assert.Matches("^ESX00[0-9][0-9]$", id);
            Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            string page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "rules", id + ".md"));
            Assert.StartsWith("# " + id + ": ", page, StringComparison.Ordinal);
            string releases = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "analyzers", "EsxSdk.Analyzers", "AnalyzerReleases.Unshipped.md"));
            Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", releases, StringComparison.Ordinal);
        }

        private static DiagnosticDescriptor[] AllDescriptors() => typeof(RawTaskStartAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToArray();
    }
}
