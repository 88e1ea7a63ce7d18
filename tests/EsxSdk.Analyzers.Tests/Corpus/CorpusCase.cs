using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace EsxSdk.Analyzers.Tests.Corpus
{
    /// <summary>
    /// One realistic snippet of the corpus, with the right answer marked: <c>{|ESX0001:...|}</c> around every span a
    /// perfect analyzer reports (<c>{|ESX0001,ESX0002:...|}</c> for two rules on one span). <see cref="Limitation"/> names a case the analyzers are known to get wrong (what stays
    /// undecidable statically); it is counted in the figures like any other.
    /// </summary>
    internal sealed partial class CorpusCase
    {
        public CorpusCase(string name, string markup, string? limitation = null)
        {
            this.Name = name;
            this.Limitation = limitation;
            var expected = new List<(string Id, TextSpan Span)>();
            string text = markup;
            while (Marker().Match(text) is { Success: true } open)
            {
                int end = text.IndexOf("|}", open.Index, System.StringComparison.Ordinal);
                string inner = text.Substring(open.Index + open.Length, end - open.Index - open.Length);
                foreach (string id in open.Groups[1].Value.Split(','))
                {
                    expected.Add((id, new TextSpan(open.Index, inner.Length)));
                }

                text = text.Substring(0, open.Index) + inner + text.Substring(end + 2);
            }

            this.Source = text;
            this.Expected = expected;
        }

        public string Name { get; }

        /// <summary>The snippet without markup.</summary>
        public string Source { get; }

        /// <summary>What a perfect analyzer reports: rule and span.</summary>
        public IReadOnlyList<(string Id, TextSpan Span)> Expected { get; }

        /// <summary>Why the analyzers get this case wrong, when they do by design; null otherwise.</summary>
        public string? Limitation { get; }

        public override string ToString() => this.Name;

        [GeneratedRegex(@"\{\|(ESX\d{4}(?:,ESX\d{4})*):")]
        private static partial Regex Marker();
    }
}
