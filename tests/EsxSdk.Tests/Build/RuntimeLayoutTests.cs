using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EsxSdk.Testing;
using Xunit;

namespace EsxSdk.Tests.Build
{
    /// <summary>
    /// The runtime's source layout: every file's namespace is its folder (<c>Session/</c> is <c>EsxSdk.Session</c>), and the
    /// lower layers (<c>Xml/</c>, <c>Transport/</c>) use nothing of the layers built on them.
    /// </summary>
    public sealed partial class RuntimeLayoutTests
    {
        private static readonly string RuntimeRoot = Path.Combine(TestPaths.RepoRoot, "runtime", "EsxSdk");

        [Fact]
        public void Every_namespace_is_its_folder()
        {
            List<string> wrong = [];
            foreach (string file in SourceFiles())
            {
                string folder = Path.GetRelativePath(RuntimeRoot, Path.GetDirectoryName(file)!);
                string expected = folder == "." ? "EsxSdk" : "EsxSdk." + folder.Replace(Path.DirectorySeparatorChar, '.');
                foreach (Match declared in NamespaceDeclaration().Matches(File.ReadAllText(file)))
                {
                    if (declared.Groups[1].Value != expected)
                    {
                        wrong.Add($"{Path.GetRelativePath(RuntimeRoot, file)}: namespace {declared.Groups[1].Value}, expected {expected}");
                    }
                }
            }

            Assert.True(SourceFiles().Any(), "no runtime sources found under " + RuntimeRoot);
            Assert.Empty(wrong);
        }

        [Theory]
        [InlineData("Xml", new[] { "EsxSdk.Transport", "EsxSdk.Session", "EsxSdk.Properties", "EsxSdk.Tasks" })]
        [InlineData("Transport", new[] { "EsxSdk.Session", "EsxSdk.Properties", "EsxSdk.Tasks" })]
        public void Lower_layers_use_nothing_above_them(string folder, string[] above)
        {
            List<string> uses = [];
            foreach (string file in SourceFiles().Where(f => Path.GetDirectoryName(f) == Path.Combine(RuntimeRoot, folder)))
            {
                string text = File.ReadAllText(file);
                uses.AddRange(above
                    .Where(ns => Regex.IsMatch(text, @"^using " + Regex.Escape(ns) + @";", RegexOptions.Multiline))
                    .Select(ns => Path.GetFileName(file) + " uses " + ns));
            }

            Assert.Empty(uses);
        }

        private static IEnumerable<string> SourceFiles() => Directory
            .EnumerateFiles(RuntimeRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(RuntimeRoot, f)));

        private static bool IsBuildOutput(string relative) =>
            relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
        private static partial Regex NamespaceDeclaration();
    }
}
