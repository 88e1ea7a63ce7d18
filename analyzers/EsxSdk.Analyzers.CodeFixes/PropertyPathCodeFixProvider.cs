using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EsxSdk.Analyzers.CodeFixes
{
    /// <summary>
    /// ESX0005 fix: the string literal becomes the nearest valid path the diagnostic names. Offered only for a literal
    /// written at the site (a constant declared elsewhere may be used elsewhere too), and only when a suggestion exists.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PropertyPathCodeFixProvider))]
    [Shared]
    public sealed class PropertyPathCodeFixProvider : CodeFixProvider
    {
        public const string UseSuggestionKey = "ESX0005.DidYouMean";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerDescriptors.UnknownPropertyPathId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(PropertyPathAnalyzer.SuggestionProperty, out string? suggestion) && suggestion is not null
                    && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use '" + suggestion + "'", ct => ReplaceAsync(context.Document, literal, suggestion, ct), UseSuggestionKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string suggestion, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            LiteralExpressionSyntax replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion))
                .WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }
    }
}
