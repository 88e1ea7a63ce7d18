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
    /// <summary>ESX0004 fix: <c>await</c> the task instead of <c>.Result</c>, <c>.Wait()</c> or <c>.GetAwaiter().GetResult()</c>, where <c>await</c> is allowed.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingTaskCodeFixProvider))]
    [Shared]
    public sealed class BlockingTaskCodeFixProvider : CodeFixProvider
    {
        public const string AwaitKey = "ESX0004.Await";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerDescriptors.BlockingOnTaskId);

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
                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ExpressionSyntax blocking && TaskExpression(blocking) is { } task && AwaitContext.AllowsAwait(blocking))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Await the task", ct => AwaitAsync(context.Document, blocking, task, ct), AwaitKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The Task in <c>t.Result</c>, <c>t.Wait()</c> or <c>t.GetAwaiter().GetResult()</c>.</summary>
        private static ExpressionSyntax? TaskExpression(ExpressionSyntax blocking) => blocking switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } wait } => wait.Expression,
            InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: "GetResult",
                    Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter },
                },
            } => getAwaiter.Expression,
            _ => null,
        };

        private static async Task<Document> AwaitAsync(Document document, ExpressionSyntax blocking, ExpressionSyntax task, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            ExpressionSyntax awaited = SyntaxFactory.AwaitExpression(task.WithoutTrivia());
            if (blocking.Parent is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax or InvocationExpressionSyntax or PostfixUnaryExpressionSyntax)
            {
                awaited = SyntaxFactory.ParenthesizedExpression(awaited);
            }

            return document.WithSyntaxRoot(root.ReplaceNode(blocking, awaited.WithTriviaFrom(blocking)));
        }
    }
}
