using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using EsxSdk.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.CodeFixes
{
    /// <summary>
    /// What inserting <c>await client.EnsureNotBlockedAsync(target)</c> before a starter's statement needs, when it
    /// can be done so that the result compiles and the start is checked: the statement runs once per start (not a
    /// loop header), is reachable, and may await; a computed target is evaluated once, into a new local the start then
    /// uses; a collection of VMs is checked element by element in a foreach.
    /// </summary>
    internal sealed class PrecheckPlan
    {
        private PrecheckPlan(StatementSyntax statement, ExpressionSyntax targetArgument, string client, string target, string? hoistedName, bool isCollection, string? token, bool configureAwaitFalse, bool needsUsing)
        {
            this.Statement = statement;
            this.TargetArgument = targetArgument;
            this.Client = client;
            this.Target = target;
            this.HoistedName = hoistedName;
            this.IsCollection = isCollection;
            this.Token = token;
            this.ConfigureAwaitFalse = configureAwaitFalse;
            this.NeedsUsing = needsUsing;
        }

        /// <summary>The statement to insert the check before (in a block, a switch section or top-level code; an embedded statement gets a block).</summary>
        public StatementSyntax Statement { get; }

        /// <summary>The starter's argument for the target, as written.</summary>
        public ExpressionSyntax TargetArgument { get; }

        public string Client { get; }

        /// <summary>The target as the check names it: the argument's text, or the new local's name.</summary>
        public string Target { get; }

        /// <summary>The name of the local a computed target is evaluated into first; null when the argument names storage.</summary>
        public string? HoistedName { get; }

        /// <summary>The target is a collection of VMs: each element is checked.</summary>
        public bool IsCollection { get; }

        /// <summary>The starter's cancellation token when it is a plain name to pass again, else null.</summary>
        public string? Token { get; }

        /// <summary>The starter is awaited with <c>ConfigureAwait(false)</c>: the check is too.</summary>
        public bool ConfigureAwaitFalse { get; }

        /// <summary>EnsureNotBlockedAsync is not in scope: add <c>using EsxSdk.Tasks;</c>.</summary>
        public bool NeedsUsing { get; }

        /// <summary>A name for the element variable of the inserted foreach that clashes with nothing in the function.</summary>
        public string ElementName { get; private set; } = "vm";

        public static PrecheckPlan? Create(InvocationExpressionSyntax call, IMethodSymbol starter, string? targetParameter, bool isCollection, SemanticModel model, CancellationToken cancellationToken)
        {
            if (call.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
                || statement is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or LocalFunctionStatementSyntax
                || statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax or IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or UsingStatementSyntax)
                || AwaitContext.CrossesFunction(call, statement)
                || !AwaitContext.AllowsAwait(statement)
                || !IsReachable(statement, model)
                || model.Compilation.GetTypeByMetadataName(RuntimeNames.Types.Client) is not { } clientType
                || model.Compilation.GetTypeByMetadataName(RuntimeNames.Types.ManagedObjectReference) is not { } runtimeReference
                || TargetParameter(starter, targetParameter) is not { } parameter
                || ArgumentFor(call, parameter) is not { } target
                || ClientExpression(call, clientType, model, cancellationToken) is not { } client)
            {
                return null;
            }

            // The pre-check takes the runtime's reference type: a target of another binding's type cannot be passed.
            ITypeSymbol? referenceType = model.GetTypeInfo(target, cancellationToken).Type is IArrayTypeSymbol array && isCollection ? array.ElementType : model.GetTypeInfo(target, cancellationToken).Type;
            if (referenceType is null || !SymbolEqualityComparer.Default.Equals(referenceType.WithNullableAnnotation(NullableAnnotation.NotAnnotated), runtimeReference))
            {
                return null;
            }

            string? hoisted = null;
            if (!NamesStorage(target, model, cancellationToken))
            {
                // Evaluated once, before the start, into a local: only when nothing evaluated before it can see the difference.
                if (!EarlierPartsAreSimple(call, target, model, cancellationToken))
                {
                    return null;
                }

                hoisted = FreshName(statement, model, parameter.Name == "this" ? "target" : parameter.Name, cancellationToken);
            }

            ExpressionSyntax? token = ArgumentFor(call, starter.Parameters.LastOrDefault(p => p.Type.Name == nameof(CancellationToken)));
            bool needsUsing = model.LookupSymbols(call.SpanStart, clientType, RuntimeNames.Methods.EnsureNotBlockedAsync, includeReducedExtensionMethods: true).IsEmpty;
            var plan = new PrecheckPlan(
                statement,
                target,
                client,
                hoisted ?? target.WithoutTrivia().ToString(),
                hoisted,
                isCollection,
                token is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax } ? token.WithoutTrivia().ToString() : null,
                IsAwaitedWithConfigureAwaitFalse(call),
                needsUsing);
            if (isCollection)
            {
                plan.ElementName = FreshName(statement, model, "vm", cancellationToken, hoisted);
            }

            return plan;
        }

        private static IParameterSymbol? TargetParameter(IMethodSymbol starter, string? name)
            => name is null
                ? starter.Parameters.FirstOrDefault(p => p.Type.Name == TaskSymbols.ManagedObjectReferenceName)
                : starter.Parameters.FirstOrDefault(p => p.Name == name);

        private static ExpressionSyntax? ArgumentFor(InvocationExpressionSyntax call, IParameterSymbol? parameter)
        {
            if (parameter is null)
            {
                return null;
            }

            foreach ((ArgumentSyntax argument, int position) in call.ArgumentList.Arguments.Select((a, i) => (a, i)))
            {
                bool matches = argument.NameColon is { } name
                    ? name.Name.Identifier.ValueText == parameter.Name
                    : position == parameter.Ordinal;
                if (matches)
                {
                    return argument.Expression;
                }
            }

            return null;
        }

        /// <summary>A start the compiler would call unreachable gets no check (it would be unreachable too).</summary>
        private static bool IsReachable(StatementSyntax statement, SemanticModel model)
            => statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
               || model.AnalyzeControlFlow(statement) is not { Succeeded: true } flow
               || flow.StartPointIsReachable;

        /// <summary>A local, parameter, field, property or element access: what the analyzer tracks as the same target.</summary>
        private static bool NamesStorage(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
            => Flow.AccessPath.Of(model.GetOperation(target, cancellationToken)) is not null;

        /// <summary>The receiver and the arguments before the target read storage or constants only.</summary>
        private static bool EarlierPartsAreSimple(InvocationExpressionSyntax call, ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
        {
            IEnumerable<ExpressionSyntax> earlier = call.ArgumentList.Arguments.TakeWhile(a => a.Expression != target).Select(a => a.Expression);
            if (call.Expression is MemberAccessExpressionSyntax access)
            {
                earlier = earlier.Prepend(access.Expression);
            }

            return earlier.All(e => model.GetOperation(e, cancellationToken) is { } operation
                && (operation.ConstantValue.HasValue || Flow.AccessPath.Of(operation) is not null || operation is IDefaultValueOperation));
        }

        /// <summary><paramref name="preferred"/>, numbered if the function already uses the name anywhere (C# forbids shadowing a later local too).</summary>
        private static string FreshName(StatementSyntax statement, SemanticModel model, string preferred, CancellationToken cancellationToken, string? alsoTaken = null)
        {
            SyntaxNode scope = statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax or AccessorDeclarationSyntax)
                ?? statement;
            var taken = new HashSet<string>(
                scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText),
                System.StringComparer.Ordinal);
            taken.UnionWith(model.LookupSymbols(statement.SpanStart).Select(s => s.Name));
            if (alsoTaken is not null)
            {
                taken.Add(alsoTaken);
            }

            string name = SyntaxFacts.GetKeywordKind(preferred) == SyntaxKind.None ? preferred : "target";
            for (int n = 2; taken.Contains(name); n++)
            {
                name = preferred + n;
            }

            return name;
        }

        /// <summary><c>x</c> for <c>x.Service.XTaskAsync(...)</c>, else the one VimClient variable, parameter, field or property in scope.</summary>
        private static string? ClientExpression(InvocationExpressionSyntax call, INamedTypeSymbol clientType, SemanticModel model, CancellationToken cancellationToken)
        {
            if (call.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: RuntimeNames.Properties.Service } service }
                && model.GetTypeInfo(service.Expression, cancellationToken).Type is { } owner
                && SymbolEqualityComparer.Default.Equals(owner, clientType)
                && service.Expression is IdentifierNameSyntax or ThisExpressionSyntax or MemberAccessExpressionSyntax)
            {
                return service.Expression.WithoutTrivia().ToString();
            }

            ImmutableArray<ISymbol> inScope = model.LookupSymbols(call.SpanStart);
            ISymbol[] clients = inScope
                .Where(s => s switch
                {
                    ILocalSymbol local => SymbolEqualityComparer.Default.Equals(local.Type, clientType),
                    IParameterSymbol parameter => SymbolEqualityComparer.Default.Equals(parameter.Type, clientType),
                    IFieldSymbol field => SymbolEqualityComparer.Default.Equals(field.Type, clientType),
                    IPropertySymbol property => SymbolEqualityComparer.Default.Equals(property.Type, clientType),
                    _ => false,
                })
                .ToArray();
            return clients.Length == 1 ? clients[0].Name : null;
        }

        private static bool IsAwaitedWithConfigureAwaitFalse(InvocationExpressionSyntax call)
            => call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configure }
               && configure.ArgumentList.Arguments.Count == 1
               && configure.ArgumentList.Arguments[0].Expression.IsKind(SyntaxKind.FalseLiteralExpression);
    }
}
