using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
    /// ESX0004 fix, where <c>await</c> is allowed: <c>await t</c> for <c>.Result</c>, <c>.Wait()</c> and
    /// <c>.GetAwaiter().GetResult()</c>; <c>await t.WaitAsync(token)</c> for <c>.Wait(token)</c> (when the target
    /// framework has it); <c>await Task.WhenAll(...)</c> for <c>Task.WaitAll(...)</c>. None for a wait with a timeout
    /// (its bool result and "carry on after the timeout" have no await equivalent) nor for <c>Task.WaitAny</c>.
    /// </summary>
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
                diagnostic.Properties.TryGetValue(BlockingTaskAnalyzer.BlockingFormProperty, out string? form);
                if (node is not ExpressionSyntax blocking || !AwaitContext.AllowsAwait(blocking))
                {
                    continue;
                }

                bool hasWaitAsync = form == BlockingTaskAnalyzer.FormWaitWithToken && await HasWaitAsyncAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
                ExpressionSyntax? awaited = form switch
                {
                    BlockingTaskAnalyzer.FormWaitWithToken when hasWaitAsync => WaitAsync(blocking),
                    BlockingTaskAnalyzer.FormWaitAll => WhenAll(blocking),
                    BlockingTaskAnalyzer.FormResult or BlockingTaskAnalyzer.FormWait or BlockingTaskAnalyzer.FormGetResult => TaskExpression(blocking),
                    _ => null,
                };
                if (awaited is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Await the task", ct => AwaitAsync(context.Document, blocking, awaited, ct), AwaitKey),
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

        /// <summary><c>t.Wait(token)</c> as <c>t.WaitAsync(token)</c>.</summary>
        private static ExpressionSyntax? WaitAsync(ExpressionSyntax blocking)
            => blocking is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } wait } invocation
                ? invocation.WithExpression(wait.WithName(SyntaxFactory.IdentifierName("WaitAsync")))
                : null;

        /// <summary><c>Task.WaitAll(a, b)</c> (or <c>WaitAll(a, b)</c> under <c>using static</c>) as <c>Task.WhenAll(a, b)</c>: WhenAll has the same overloads.</summary>
        private static ExpressionSyntax? WhenAll(ExpressionSyntax blocking) => blocking switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WaitAll" } access } invocation
                => invocation.WithExpression(access.WithName(SyntaxFactory.IdentifierName("WhenAll"))),
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "WaitAll" } name } invocation
                => invocation.WithExpression(SyntaxFactory.IdentifierName("WhenAll").WithTriviaFrom(name)),
            _ => null,
        };

        /// <summary>Task.WaitAsync(CancellationToken) came with .NET 6: older targets get no fix for <c>Wait(token)</c>.</summary>
        private static async Task<bool> HasWaitAsyncAsync(Document document, CancellationToken cancellationToken)
        {
            Compilation? compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            return compilation?.GetTypeByMetadataName("System.Threading.Tasks.Task") is { } task
                && task.GetMembers("WaitAsync").OfType<IMethodSymbol>().Any(m => !m.IsStatic && m.Parameters.Length == 1 && m.Parameters[0].Type.Name == "CancellationToken");
        }

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
