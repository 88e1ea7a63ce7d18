using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// Every generator rule has its docs/rules page, its help link and its release-tracking line (as the analyzers'
    /// CatalogueTests check for ESX*); and no ESXG page or release line is left without a rule.
    /// </summary>
    public sealed class CatalogueTests
    {
        private static readonly string ReleasesPath = Path.Combine(TestPaths.RepoRoot, "generator", "EsxSdk.Generator", "AnalyzerReleases.Unshipped.md");

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
            Assert.Matches("^ESXG0[0-9][0-9]$", id);
            Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            string page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "rules", id + ".md"));
            Assert.StartsWith("# " + id + ": ", page, StringComparison.Ordinal);
            string releases = File.ReadAllText(ReleasesPath);
            Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", releases, StringComparison.Ordinal);
        }

        [Fact]
        public void Every_ESXG_page_and_release_entry_belongs_to_a_rule()
        {
            string[] ids = AllDescriptors().Select(d => d.Id).ToArray();
            string[] pages = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs", "rules"), "ESXG*.md").Select(p => Path.GetFileNameWithoutExtension(p)).ToArray();
            string[] released = Regex.Matches(File.ReadAllText(ReleasesPath), "^(ESXG[0-9]+) \\|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

            Assert.NotEmpty(ids);
            Assert.Equal(ids.Order(StringComparer.Ordinal), pages.Order(StringComparer.Ordinal));
            Assert.Equal(ids.Order(StringComparer.Ordinal), released.Order(StringComparer.Ordinal));
        }

        private static DiagnosticDescriptor[] AllDescriptors() => typeof(GeneratorDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
    }
}
