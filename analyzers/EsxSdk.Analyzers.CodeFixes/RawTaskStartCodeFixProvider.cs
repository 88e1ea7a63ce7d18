using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace EsxSdk.Analyzers.CodeFixes
{
    /// <summary>
    /// ESX0001 fixes: call the question-aware wrapper instead (offered when the binding has one and the starter's
    /// task reference is not used, so the wrapper's different result changes nothing), or insert
    /// <c>await client.EnsureNotBlockedAsync(target)</c> before the statement (offered where <c>await</c> is allowed
    /// and the VimClient is known).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawTaskStartCodeFixProvider))]
    [Shared]
    public sealed class RawTaskStartCodeFixProvider : CodeFixProvider
    {
        public const string UseWrapperKey = "ESX0001.UseWrapper";
        public const string InsertPrecheckKey = "ESX0001.InsertPrecheck";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AnalyzerDescriptors.RawTaskStartWithoutPrecheckId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call
                    || model.GetSymbolInfo(call, context.CancellationToken).Symbol is not IMethodSymbol starter)
                {
                    continue;
                }

                if (diagnostic.Properties.TryGetValue(RawTaskStartAnalyzer.WrapperNameProperty, out string? wrapper) && wrapper is not null && ResultIsUnused(call))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use the question-aware wrapper " + wrapper,
                            ct => UseWrapperAsync(context.Document, call, starter, wrapper, ct),
                            UseWrapperKey),
                        diagnostic);
                }

                if (PrecheckPlan.Create(call, starter, model, context.CancellationToken) is { } plan)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Check '" + plan.Target + "' for a pending question or task first (EnsureNotBlockedAsync)",
                            ct => InsertPrecheckAsync(context.Document, plan, ct),
                            InsertPrecheckKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The starter's value (Task, or awaited reference) ends in an expression statement.</summary>
        private static bool ResultIsUnused(InvocationExpressionSyntax call)
        {
            SyntaxNode current = call;
            while (true)
            {
                switch (current.Parent)
                {
                    case ParenthesizedExpressionSyntax or AwaitExpressionSyntax:
                        current = current.Parent;
                        break;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configure } access when access.Expression == current:
                        current = configure;
                        break;
                    case ExpressionStatementSyntax:
                        return true;
                    default:
                        return false;
                }
            }
        }

        private static async Task<Document> UseWrapperAsync(Document document, InvocationExpressionSyntax call, IMethodSymbol starter, string wrapper, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            ExpressionSyntax callee = call.Expression switch
            {
                MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(wrapper).WithTriviaFrom(access.Name)),
                IdentifierNameSyntax name => SyntaxFactory.IdentifierName(wrapper).WithTriviaFrom(name),
                _ => call.Expression,
            };

            // The wrapper takes task options before the token: a token passed by position must be passed by name.
            IParameterSymbol? token = starter.Parameters.LastOrDefault(p => p.Type.Name == nameof(CancellationToken));
            SeparatedSyntaxList<ArgumentSyntax> arguments = call.ArgumentList.Arguments;
            if (token is not null && token.Ordinal < arguments.Count && arguments[token.Ordinal] is { NameColon: null } positional)
            {
                arguments = arguments.Replace(positional, positional.WithNameColon(SyntaxFactory.NameColon(token.Name)).WithTriviaFrom(positional));
            }

            InvocationExpressionSyntax replacement = call.WithExpression(callee).WithArgumentList(call.ArgumentList.WithArguments(arguments));
            return document.WithSyntaxRoot(root.ReplaceNode(call, replacement));
        }

        private static async Task<Document> InsertPrecheckAsync(Document document, PrecheckPlan plan, CancellationToken cancellationToken)
        {
            DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            string token = plan.Token is null ? string.Empty : ", cancellationToken: " + plan.Token;
            string configure = plan.ConfigureAwaitFalse ? ".ConfigureAwait(false)" : string.Empty;
            StatementSyntax check = SyntaxFactory.ParseStatement("await " + plan.Client + ".EnsureNotBlockedAsync(" + plan.Target + token + ")" + configure + ";")
                .WithLeadingTrivia(plan.Statement.GetLeadingTrivia())
                .WithTrailingTrivia(EndOfLine(plan.Statement))
                .WithAdditionalAnnotations(Formatter.Annotation);

            // Blank lines and comments above the statement now stand above the check; the statement keeps its indentation.
            SyntaxTriviaList indentation = plan.Statement.GetLeadingTrivia().LastOrDefault() is { } last && last.IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(last)
                : SyntaxFactory.TriviaList();
            editor.ReplaceNode(plan.Statement, (current, _) => current.WithLeadingTrivia(indentation));
            if (plan.Statement.Parent is GlobalStatementSyntax global)
            {
                editor.InsertBefore(global, SyntaxFactory.GlobalStatement(check));
            }
            else
            {
                editor.InsertBefore(plan.Statement, check);
            }

            if (plan.NeedsUsing && editor.OriginalRoot is CompilationUnitSyntax unit
                && !unit.Usings.Any(u => u.Name?.ToString() == RuntimeNames.TasksNamespace && u.Alias is null && u.StaticKeyword == default))
            {
                UsingDirectiveSyntax directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(RuntimeNames.TasksNamespace)).WithTrailingTrivia(EndOfLine(plan.Statement));
                editor.ReplaceNode(unit, (current, _) => ((CompilationUnitSyntax)current).AddUsings(directive));
            }

            return editor.GetChangedDocument();
        }

        /// <summary>The line end the document uses after <paramref name="statement"/>, so inserted lines match it.</summary>
        private static SyntaxTrivia EndOfLine(StatementSyntax statement)
            => statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol != default
                ? eol
                : SyntaxFactory.ElasticCarriageReturnLineFeed;
    }
}
