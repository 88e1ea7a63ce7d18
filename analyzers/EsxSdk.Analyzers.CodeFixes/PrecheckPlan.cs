using System.Linq;
using System.Threading;
using EsxSdk.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EsxSdk.Analyzers.CodeFixes
{
    /// <summary>What inserting <c>await client.EnsureNotBlockedAsync(target)</c> before a starter's statement needs, when it can be done.</summary>
    internal sealed class PrecheckPlan
    {
        private PrecheckPlan(StatementSyntax statement, string client, string target, string? token, bool configureAwaitFalse, bool needsUsing)
        {
            this.Statement = statement;
            this.Client = client;
            this.Target = target;
            this.Token = token;
            this.ConfigureAwaitFalse = configureAwaitFalse;
            this.NeedsUsing = needsUsing;
        }

        /// <summary>The statement to insert the check before (in a block, a switch section or top-level code).</summary>
        public StatementSyntax Statement { get; }

        public string Client { get; }

        public string Target { get; }

        /// <summary>The starter's cancellation token when it is a plain name to pass again, else null.</summary>
        public string? Token { get; }

        /// <summary>The starter is awaited with <c>ConfigureAwait(false)</c>: the check is too.</summary>
        public bool ConfigureAwaitFalse { get; }

        /// <summary>EnsureNotBlockedAsync is not in scope: add <c>using EsxSdk.Tasks;</c>.</summary>
        public bool NeedsUsing { get; }

        public static PrecheckPlan? Create(InvocationExpressionSyntax call, IMethodSymbol starter, SemanticModel model, CancellationToken cancellationToken)
        {
            if (call.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
                || statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
                || AwaitContext.CrossesFunction(call, statement)
                || !AwaitContext.AllowsAwait(statement)
                || model.Compilation.GetTypeByMetadataName(RuntimeNames.Types.Client) is not { } clientType
                || ArgumentFor(call, starter, starter.Parameters.FirstOrDefault(p => p.Type.Name == TaskSymbols.ManagedObjectReferenceName), model, cancellationToken) is not { } target
                || ClientExpression(call, clientType, model, cancellationToken) is not { } client)
            {
                return null;
            }

            // The pre-check takes the runtime's reference type: a target of another binding's type cannot be passed.
            if (model.GetTypeInfo(target, cancellationToken).Type is not { } targetType
                || model.Compilation.GetTypeByMetadataName(RuntimeNames.Types.ManagedObjectReference) is not { } runtimeReference
                || !SymbolEqualityComparer.Default.Equals(targetType.WithNullableAnnotation(NullableAnnotation.NotAnnotated), runtimeReference))
            {
                return null;
            }

            ExpressionSyntax? token = ArgumentFor(call, starter, starter.Parameters.LastOrDefault(p => p.Type.Name == nameof(CancellationToken)), model, cancellationToken);
            bool needsUsing = model.LookupSymbols(call.SpanStart, clientType, RuntimeNames.Methods.EnsureNotBlockedAsync, includeReducedExtensionMethods: true).IsEmpty;
            return new PrecheckPlan(
                statement,
                client,
                target.WithoutTrivia().ToString(),
                token is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax } ? token.WithoutTrivia().ToString() : null,
                IsAwaitedWithConfigureAwaitFalse(call),
                needsUsing);
        }

        private static ExpressionSyntax? ArgumentFor(InvocationExpressionSyntax call, IMethodSymbol method, IParameterSymbol? parameter, SemanticModel model, CancellationToken cancellationToken)
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

        /// <summary><c>x</c> for <c>x.Service.XTaskAsync(...)</c>, else the one VimClient variable, parameter, field or property in scope.</summary>
        private static string? ClientExpression(InvocationExpressionSyntax call, INamedTypeSymbol clientType, SemanticModel model, CancellationToken cancellationToken)
        {
            if (call.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Service" } service }
                && model.GetTypeInfo(service.Expression, cancellationToken).Type is { } owner
                && SymbolEqualityComparer.Default.Equals(owner, clientType)
                && service.Expression is IdentifierNameSyntax or ThisExpressionSyntax or MemberAccessExpressionSyntax)
            {
                return service.Expression.WithoutTrivia().ToString();
            }

            ISymbol[] clients = model.LookupSymbols(call.SpanStart)
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
