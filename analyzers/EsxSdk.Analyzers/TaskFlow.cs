using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>Where a task call's value goes and what it targets, read from the operation tree.</summary>
    internal static class TaskFlow
    {
        /// <summary>
        /// The outermost operation still carrying the call's value: through conversions, <c>ConfigureAwait</c> and
        /// <c>await</c> (which turns the Task into the task reference itself).
        /// </summary>
        public static IOperation OutermostValue(IOperation call)
        {
            IOperation current = call;
            while (current.Parent is { } parent)
            {
                bool carries = parent switch
                {
                    IConversionOperation => true,
                    IParenthesizedOperation => true,
                    IAwaitOperation => true,
                    IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure => configure.Instance == current,
                    _ => false,
                };
                if (!carries)
                {
                    break;
                }

                current = parent;
            }

            return current;
        }

        /// <summary>
        /// True when the call is inside a lambda, anonymous method or local function handed to a task runner
        /// (<c>RunTaskAsync</c> or a method marked <c>[VimTaskRunner]</c>):
        /// <c>client.RunTaskAsync(vm, async ct => { var t = await service.XTaskAsync(vm, ct); return t; })</c>, or
        /// <c>client.RunTaskAsync(vm, StartAsync)</c> with the call in the local function <c>StartAsync</c>.
        /// </summary>
        public static bool IsInsideRunnerDelegate(IOperation call, TaskSymbols symbols)
        {
            for (IOperation? scope = call.Parent; scope is not null; scope = scope.Parent)
            {
                if (scope is ILocalFunctionOperation localFunction)
                {
                    return Root(scope).Descendants()
                        .OfType<IMethodReferenceOperation>()
                        .Any(m => SymbolEqualityComparer.Default.Equals(m.Method.OriginalDefinition, localFunction.Symbol) && IsHandedToRunner(m, symbols));
                }

                if (scope is IAnonymousFunctionOperation lambda)
                {
                    return IsHandedToRunner(lambda, symbols);
                }
            }

            return false;
        }

        /// <summary>The delegate made from <paramref name="function"/> is an argument of a runner call.</summary>
        private static bool IsHandedToRunner(IOperation function, TaskSymbols symbols)
        {
            IOperation? holder = function.Parent;
            while (holder is IDelegateCreationOperation or IConversionOperation)
            {
                holder = holder.Parent;
            }

            return holder is IArgumentOperation { Parent: IInvocationOperation runner } && symbols.RoleOf(runner.TargetMethod) == MethodRole.Runner;
        }

        /// <summary>The first ManagedObjectReference argument: the target of a starter (<c>@this</c>) or of a pre-check.</summary>
        public static IArgumentOperation? TargetArgument(IInvocationOperation invocation) => invocation.Arguments
            .Where(a => a.Parameter is { Type.Name: TaskSymbols.ManagedObjectReferenceName })
            .OrderBy(a => a.Parameter!.Ordinal)
            .FirstOrDefault();

        /// <summary>
        /// The target's expression when it names the same object wherever it is read (locals, parameters, fields,
        /// properties, constant indexes), without null-forgiving operators and parentheses; otherwise null.
        /// </summary>
        public static ExpressionSyntax? StableTarget(IArgumentOperation argument)
            => argument.Value.Syntax is ExpressionSyntax expression && Strip(expression) is { } stripped && IsStable(stripped) ? stripped : null;

        /// <summary>Whether two stable target expressions name the same object.</summary>
        public static bool SameTarget(ExpressionSyntax first, ExpressionSyntax second)
            => SyntaxFactory.AreEquivalent(Normalize(first), Normalize(second));

        /// <summary>The root of the operation tree holding <paramref name="operation"/> (the method, accessor or initializer body).</summary>
        public static IOperation Root(IOperation operation)
        {
            IOperation current = operation;
            while (current.Parent is { } parent)
            {
                current = parent;
            }

            return current;
        }

        /// <summary>Every invocation in the tree, lambdas and local functions included.</summary>
        public static IEnumerable<IInvocationOperation> Invocations(IOperation root) => root.Descendants().OfType<IInvocationOperation>();

        private static ExpressionSyntax Strip(ExpressionSyntax expression) => expression switch
        {
            ParenthesizedExpressionSyntax p => Strip(p.Expression),
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } s => Strip(s.Operand),
            _ => expression,
        };

        private static bool IsStable(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } m => IsStable(Strip(m.Expression)),
            ElementAccessExpressionSyntax e => IsStable(Strip(e.Expression)) && e.ArgumentList.Arguments.All(a => a.Expression is LiteralExpressionSyntax),
            _ => false,
        };

        /// <summary><c>this.vm</c> and <c>vm</c> name the same field; compare them without the <c>this.</c>.</summary>
        private static ExpressionSyntax Normalize(ExpressionSyntax expression)
            => (ExpressionSyntax)new StripRewriter().Visit(expression);

        private sealed class StripRewriter : CSharpSyntaxRewriter
        {
            public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
                => node.Expression is ThisExpressionSyntax ? this.Visit(node.Name) : base.VisitMemberAccessExpression(node);

            public override SyntaxNode? VisitParenthesizedExpression(ParenthesizedExpressionSyntax node) => this.Visit(node.Expression);

            public override SyntaxNode? VisitPostfixUnaryExpression(PostfixUnaryExpressionSyntax node)
                => node.IsKind(SyntaxKind.SuppressNullableWarningExpression) ? this.Visit(node.Operand) : base.VisitPostfixUnaryExpression(node);
        }
    }
}
