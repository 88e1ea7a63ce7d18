using System.Collections.Generic;
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
    /// <c>await client.EnsureNotBlockedAsync(target)</c> before the statement (offered where <c>await</c> is allowed,
    /// the statement is reachable and the VimClient is known; see <see cref="PrecheckPlan"/>).
    /// The first fix of every diagnostic is its preferred one (the wrapper when it fits, else the check) under one
    /// equivalence key, so a batch run (<c>dotnet format analyzers</c>, FixAll from the first fix) applies each
    /// diagnostic's preferred fix; the check, when second, has a key of its own.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawTaskStartCodeFixProvider))]
    [Shared]
    public sealed class RawTaskStartCodeFixProvider : CodeFixProvider
    {
        /// <summary>The first fix of every diagnostic: the wrapper when it fits, else the inserted check.</summary>
        public const string PreferredKey = "ESX0001.Preferred";

        /// <summary>The inserted check, offered second where the wrapper is preferred.</summary>
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

                diagnostic.Properties.TryGetValue(RawTaskStartAnalyzer.TargetParameterProperty, out string? targetParameter);
                bool isCollection = diagnostic.Properties.ContainsKey(RawTaskStartAnalyzer.CollectionTargetProperty);
                PrecheckPlan? plan = PrecheckPlan.Create(call, starter, targetParameter, isCollection, model, context.CancellationToken);
                bool wrapperFits = diagnostic.Properties.TryGetValue(RawTaskStartAnalyzer.WrapperNameProperty, out string? wrapper) && wrapper is not null && ResultIsUnused(call);
                if (wrapperFits)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use the question-aware wrapper " + wrapper,
                            ct => UseWrapperAsync(context.Document, call, starter, wrapper!, ct),
                            PreferredKey),
                        diagnostic);
                }

                if (plan is not null)
                {
                    string what = plan.IsCollection ? "each VM of '" + plan.TargetArgument.WithoutTrivia() + "'" : "'" + plan.TargetArgument.WithoutTrivia() + "'";
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Check " + what + " for a pending question or task first (EnsureNotBlockedAsync)",
                            ct => InsertPrecheckAsync(context.Document, plan, ct),
                            wrapperFits ? InsertPrecheckKey : PreferredKey),
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
            SyntaxTriviaList leading = plan.Statement.GetLeadingTrivia();
            SyntaxTrivia endOfLine = EndOfLine(plan.Statement);
            List<StatementSyntax> inserted = new();
            if (plan.HoistedName is { } local)
            {
                inserted.Add(SyntaxFactory.ParseStatement("var " + local + " = " + plan.TargetArgument.WithoutTrivia() + ";"));
            }

            string token = plan.Token is null ? string.Empty : ", cancellationToken: " + plan.Token;
            string configure = plan.ConfigureAwaitFalse ? ".ConfigureAwait(false)" : string.Empty;
            string checkOf(string target) => "await " + plan.Client + ".EnsureNotBlockedAsync(" + target + token + ")" + configure + ";";
            inserted.Add(SyntaxFactory.ParseStatement(plan.IsCollection
                ? "foreach (var " + plan.ElementName + " in " + plan.Target + ")\n{\n" + checkOf(plan.ElementName) + "\n}"
                : checkOf(plan.Target)));
            inserted = inserted.Select(s => s.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation)).ToList();

            if (plan.HoistedName is { } name)
            {
                editor.ReplaceNode(plan.TargetArgument, SyntaxFactory.IdentifierName(name).WithTriviaFrom(plan.TargetArgument));
            }

            if (plan.Statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            {
                // Blank lines and comments above the statement now stand above the check; the statement keeps its indentation.
                SyntaxTriviaList indentation = leading.LastOrDefault() is { } last && last.IsKind(SyntaxKind.WhitespaceTrivia)
                    ? SyntaxFactory.TriviaList(last)
                    : SyntaxFactory.TriviaList();
                editor.ReplaceNode(plan.Statement, (current, _) => current.WithLeadingTrivia(indentation));
                SyntaxNode anchor = plan.Statement.Parent is GlobalStatementSyntax global ? global : plan.Statement;
                editor.InsertBefore(anchor, anchor is GlobalStatementSyntax ? inserted.Select(s => (SyntaxNode)SyntaxFactory.GlobalStatement(s)) : inserted);
            }
            else
            {
                // An embedded statement (if (x) start;): the check and the start become one block.
                editor.ReplaceNode(plan.Statement, (current, _) => SyntaxFactory.Block(inserted.Append((StatementSyntax)current.WithoutLeadingTrivia()))
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Formatter.Annotation));
            }

            if (plan.NeedsUsing && editor.OriginalRoot is CompilationUnitSyntax unit
                && !unit.Usings.Any(u => u.Name?.ToString() == RuntimeNames.TasksNamespace && u.Alias is null && u.StaticKeyword == default))
            {
                UsingDirectiveSyntax directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(RuntimeNames.TasksNamespace)).WithTrailingTrivia(endOfLine);
                editor.ReplaceNode(unit, (current, _) => ((CompilationUnitSyntax)current).AddUsings(directive));
            }

            return editor.GetChangedDocument();
        }

        /// <summary>The line end the document uses (after <paramref name="statement"/>, else its first), so inserted lines match it.</summary>
        private static SyntaxTrivia EndOfLine(StatementSyntax statement)
        {
            SyntaxTrivia after = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (after.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return after;
            }

            SyntaxTrivia first = statement.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return first.IsKind(SyntaxKind.EndOfLineTrivia) ? first : SyntaxFactory.ElasticCarriageReturnLineFeed;
        }
    }
}
