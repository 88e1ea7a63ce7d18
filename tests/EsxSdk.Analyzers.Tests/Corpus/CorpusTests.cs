using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace EsxSdk.Analyzers.Tests.Corpus
{
    /// <summary>
    /// The analyzers over the corpus: every case compiles; what they report matches the right answer except in the
    /// cases marked as known limitations (and those still fail, or their mark is stale); precision and recall per rule
    /// are written to the test output. Then every fix offered in the corpus is applied on its own, and the result must
    /// compile and be rid of the diagnostic it fixed.
    /// </summary>
    public sealed class CorpusTests(ITestOutputHelper output)
    {
        public static TheoryData<string> CaseNames() => new(AllCases().Select(c => c.Name));

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Each_case_compiles_and_gets_the_right_answer_unless_a_known_limitation(string name)
        {
            CorpusCase corpusCase = AllCases().Single(c => c.Name == name);
            (ImmutableArray<Diagnostic> errors, ImmutableArray<Diagnostic> reported) = await CorpusCompilation.AnalyzeAsync(CorpusCompilation.Document(corpusCase.Source));
            Assert.True(errors.IsEmpty, "the case does not compile: " + string.Join("; ", errors));
            (string Id, TextSpan Span)[] actual = reported.Select(d => (d.Id, d.Location.SourceSpan)).ToArray();
            bool right = actual.OrderBy(a => a.Span.Start).SequenceEqual(corpusCase.Expected.OrderBy(e => e.Span.Start));
            if (corpusCase.Limitation is null)
            {
                Assert.True(right, "expected " + Describe(corpusCase.Source, corpusCase.Expected) + ", reported " + Describe(corpusCase.Source, actual));
            }
            else
            {
                Assert.False(right, "marked as a limitation (" + corpusCase.Limitation + ") but now answered right: remove the mark");
            }
        }

        [Fact]
        public async Task Precision_and_recall_per_rule()
        {
            var counts = new SortedDictionary<string, (int TruePositive, int FalsePositive, int FalseNegative)>();
            foreach (CorpusCase corpusCase in AllCases())
            {
                (_, ImmutableArray<Diagnostic> reported) = await CorpusCompilation.AnalyzeAsync(CorpusCompilation.Document(corpusCase.Source));
                var expected = corpusCase.Expected.ToList();
                foreach (Diagnostic diagnostic in reported)
                {
                    (int tp, int fp, int fn) = counts.TryGetValue(diagnostic.Id, out var c) ? c : default;
                    if (expected.Remove((diagnostic.Id, diagnostic.Location.SourceSpan)))
                    {
                        counts[diagnostic.Id] = (tp + 1, fp, fn);
                    }
                    else
                    {
                        counts[diagnostic.Id] = (tp, fp + 1, fn);
                    }
                }

                foreach ((string id, _) in expected)
                {
                    (int tp, int fp, int fn) = counts.TryGetValue(id, out var c) ? c : default;
                    counts[id] = (tp, fp, fn + 1);
                }
            }

            output.WriteLine("rule | reported right | false alarms | misses | precision | recall");
            foreach ((string id, (int tp, int fp, int fn)) in counts)
            {
                output.WriteLine($"{id} | {tp} | {fp} | {fn} | {Ratio(tp, tp + fp)} | {Ratio(tp, tp + fn)}");
            }

            Assert.All(counts, c => Assert.True(c.Value.TruePositive > 0, c.Key + " has no reported case in the corpus"));
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Every_fix_compiles_and_removes_its_diagnostic(string name)
        {
            CorpusCase corpusCase = AllCases().Single(c => c.Name == name);
            Document document = CorpusCompilation.Document(corpusCase.Source);
            (_, ImmutableArray<Diagnostic> before) = await CorpusCompilation.AnalyzeAsync(document);
            foreach (Diagnostic diagnostic in before)
            {
                foreach (CodeFixProvider fixer in CorpusCompilation.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (CodeAction action in actions)
                    {
                        Document fixedDocument = await Apply(action, document);
                        (ImmutableArray<Diagnostic> errors, ImmutableArray<Diagnostic> after) = await CorpusCompilation.AnalyzeAsync(fixedDocument);
                        string what = "'" + action.Title + "' for " + diagnostic;
                        Assert.True(errors.IsEmpty, what + " does not compile: " + string.Join("; ", errors) + "\n" + (await fixedDocument.GetTextAsync()));
                        Assert.True(
                            after.Count(d => d.Id == diagnostic.Id) < before.Count(d => d.Id == diagnostic.Id),
                            what + " leaves " + diagnostic.Id + " where it was:\n" + (await fixedDocument.GetTextAsync()));
                    }
                }
            }
        }

        private static IEnumerable<CorpusCase> AllCases() => PrecheckCorpus.Cases().Concat(TaskUseCorpus.Cases()).Concat(PropertyPathCorpus.Cases());

        private static async Task<Document> Apply(CodeAction action, Document document)
        {
            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
            Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            return changed.GetDocument(document.Id)!;
        }

        private static string Ratio(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

        private static string Describe(string source, IEnumerable<(string Id, TextSpan Span)> diagnostics)
            => "[" + string.Join(", ", diagnostics.Select(d => d.Id + " '" + source.Substring(d.Span.Start, d.Span.Length) + "'")) + "]";
    }
}
