using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Analyzers.CodeFixes;
using EsxSdk.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EsxSdk.Analyzers.Tests.Corpus
{
    /// <summary>A corpus snippet as a one-document project: compiled against .NET and EsxSdk.dll, analysed by every rule.</summary>
    internal static class CorpusCompilation
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new RawTaskStartAnalyzer(), new TaskReferenceAnalyzer(), new AutoAnswerAnalyzer(), new BlockingTaskAnalyzer(), new PropertyPathAnalyzer());

        public static readonly ImmutableArray<CodeFixProvider> Fixers = ImmutableArray.Create<CodeFixProvider>(
            new RawTaskStartCodeFixProvider(), new BlockingTaskCodeFixProvider(), new PropertyPathCodeFixProvider());

        /// <summary>A workspace document holding <paramref name="source"/> (a program when it has top-level statements).</summary>
        public static Document Document(string source)
        {
            var workspace = new AdhocWorkspace();
            bool program = CSharpSyntaxTree.ParseText(source).GetRoot().ChildNodes().Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);
            ProjectInfo project = ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                "Corpus",
                "Corpus",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.All.Value);
            Solution solution = workspace.CurrentSolution.AddProject(project);
            DocumentId document = DocumentId.CreateNewId(project.Id);
            return solution.AddDocument(document, "Case.cs", source).GetDocument(document)!;
        }

        /// <summary>The compiler's errors and the rules' diagnostics for the document's project.</summary>
        public static async Task<(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Rules)> AnalyzeAsync(Document document, CancellationToken cancellationToken = default)
        {
            Compilation compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            ImmutableArray<Diagnostic> errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            ImmutableArray<Diagnostic> rules = await compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return (errors, rules.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray());
        }
    }
}
