using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EsxSdk.Testing;
using Xunit;

namespace EsxSdk.Tests.Docs
{
    /// <summary>
    /// Keeps the everyday jobs' docs true: the C# blocks of README.md's "Everyday jobs" section and of docs/everyday-jobs.md
    /// are the regions of the compiled <see cref="EverydayJobs"/>, every job has a pyVmomi block, and both line-count tables
    /// hold the counts computed by the rule the comparison states, with no EsxSdk job longer than its pyVmomi one.
    /// </summary>
    public sealed partial class EverydayJobsReadmeTests
    {
        private const int MaxLineWidth = 120;

        private static readonly Lazy<IReadOnlyList<Job>> Jobs = new(ReadJobs);

        [Fact]
        public void The_README_section_shows_each_compiled_job_in_order()
        {
            IReadOnlyList<CodeBlock> blocks = CodeBlocks(ReadmeSection());

            Assert.All(blocks, b => Assert.Equal("csharp", b.Language));
            Assert.Equal(Jobs.Value.Select(j => j.CSharp), blocks.Select(b => b.Code));
        }

        [Fact]
        public void The_comparison_shows_each_compiled_job_beside_its_pyvmomi_equivalent()
        {
            IReadOnlyList<CodeBlock> jobBlocks = CodeBlocks(Comparison()).Where(b => b.Title is not null).ToList();

            Assert.Equal(Jobs.Value.Select(j => j.CSharp), jobBlocks.Where(b => b.Language == "csharp").Select(b => b.Code));
            Assert.Equal(Jobs.Value.Select(j => j.Title), jobBlocks.Where(b => b.Language == "python").Select(b => b.Title));
            Assert.Equal(Jobs.Value.Count * 2, jobBlocks.Count);
        }

        [Fact]
        public void Both_tables_hold_the_line_counts_of_the_blocks_and_no_EsxSdk_job_is_longer()
        {
            IReadOnlyList<CodeBlock> python = CodeBlocks(Comparison()).Where(b => b.Language == "python" && b.Title is not null).ToList();
            var expected = Jobs.Value
                .Select(j => (j.Title, EsxSdk: CountLines(j.CSharp, "//"), PyVmomi: CountLines(python.Single(p => p.Title == j.Title).Code, "#")))
                .ToList();
            expected.Add(("All six", expected.Sum(r => r.EsxSdk), expected.Sum(r => r.PyVmomi)));

            Assert.Equal(expected, TableRows(ReadmeSection()));
            Assert.Equal(expected, TableRows(Comparison()));
            Assert.All(expected, row => Assert.True(row.EsxSdk <= row.PyVmomi, row.Title + ": EsxSdk " + row.EsxSdk + " lines, pyVmomi " + row.PyVmomi));
        }

        [Fact]
        public void No_job_line_is_wider_than_the_counting_rule_allows()
        {
            IEnumerable<string> lines = CodeBlocks(Comparison()).Where(b => b.Title is not null).SelectMany(b => b.Code.Split('\n'));

            Assert.All(lines, line => Assert.True(line.Length <= MaxLineWidth, line.Length + " characters: " + line));
        }

        /// <summary>The counting rule of docs/everyday-jobs.md: lines neither blank nor only a comment.</summary>
        private static int CountLines(string code, string commentPrefix)
            => code.Split('\n').Select(l => l.Trim()).Count(l => l.Length > 0 && !l.StartsWith(commentPrefix, StringComparison.Ordinal));

        /// <summary>Each region of EverydayJobs.cs, unindented; its first line is the comment naming the job.</summary>
        private static IReadOnlyList<Job> ReadJobs()
        {
            string source = ReadRepoFile("tests", "EsxSdk.Tests", "Docs", "EverydayJobs.cs");
            var jobs = new List<Job>();
            foreach (Match region in RegionPattern().Matches(source))
            {
                string[] lines = region.Groups["body"].Value.TrimEnd().Split('\n');
                int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
                string code = string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
                string title = TitleOf(code) ?? throw new InvalidOperationException("Region " + region.Groups["name"].Value + " does not start with a comment naming the job.");
                jobs.Add(new Job(title, code));
            }

            Assert.Equal(6, jobs.Count);
            return jobs;
        }

        private static string ReadmeSection()
        {
            string readme = ReadRepoFile("README.md");
            int start = readme.IndexOf("\n## Everyday jobs\n", StringComparison.Ordinal);
            Assert.True(start >= 0, "README.md has no '## Everyday jobs' section");
            int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            return end < 0 ? readme[start..] : readme[start..end];
        }

        private static string Comparison() => ReadRepoFile("docs", "everyday-jobs.md");

        private static string ReadRepoFile(params string[] parts)
            => File.ReadAllText(Path.Combine([TestPaths.RepoRoot, .. parts])).ReplaceLineEndings("\n");

        private static IReadOnlyList<CodeBlock> CodeBlocks(string markdown)
            => FencePattern().Matches(markdown)
                .Select(m => new CodeBlock(m.Groups["lang"].Value, m.Groups["code"].Value.TrimEnd('\n'), TitleOf(m.Groups["code"].Value)))
                .ToList();

        /// <summary>The job a block is: its first line's comment (<c>// ...</c> or <c># ...</c>), or null for other blocks.</summary>
        private static string? TitleOf(string code)
        {
            string first = code.Split('\n')[0].Trim();
            return first.StartsWith("// ", StringComparison.Ordinal) ? first[3..]
                : first.StartsWith("# ", StringComparison.Ordinal) ? first[2..]
                : null;
        }

        private static List<(string Title, int EsxSdk, int PyVmomi)> TableRows(string markdown)
            => TableRowPattern().Matches(markdown)
                .Select(m => (m.Groups["job"].Value.Trim(), int.Parse(m.Groups["esxsdk"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["pyvmomi"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();

        [GeneratedRegex(@"^[ \t]*#region (?<name>\S+)[ \t]*\n(?<body>.*?)^[ \t]*#endregion", RegexOptions.Multiline | RegexOptions.Singleline)]
        private static partial Regex RegionPattern();

        [GeneratedRegex(@"^```(?<lang>\w+)\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
        private static partial Regex FencePattern();

        [GeneratedRegex(@"^\|(?<job>[^|\n]+)\|\s*(?<esxsdk>\d+)\s*\|\s*(?<pyvmomi>\d+)\s*\|$", RegexOptions.Multiline)]
        private static partial Regex TableRowPattern();

        private sealed record Job(string Title, string CSharp);

        private sealed record CodeBlock(string Language, string Code, string? Title);
    }
}
