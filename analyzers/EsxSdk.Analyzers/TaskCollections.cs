using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// Task values written into the call that combines them (<c>Task.WhenAll(a, b)</c>, <c>Task.WaitAll(new[] { a, b })</c>,
    /// <c>Task.WhenAll(vms.Select(vm => Start(vm)))</c>), and back. A collection built elsewhere (a List filled by
    /// Add, an array local) is not followed: what else reads it cannot be told from here.
    /// </summary>
    internal static class TaskCollections
    {
        /// <summary>The task values given to <paramref name="combinator"/>: array or params elements, and what Select lambdas return.</summary>
        public static IEnumerable<IOperation> Elements(IInvocationOperation combinator)
        {
            foreach (IArgumentOperation argument in combinator.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue))
            {
                IOperation value = Strip(argument.Value);
                IEnumerable<IOperation> elements = value switch
                {
                    IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                    IArrayCreationOperation => Enumerable.Empty<IOperation>(),
                    IInvocationOperation query when SelectLambda(query) is { } lambda => Returned(lambda),
                    _ when IsNewerKind(value) => value.ChildOperations,
                    _ => Enumerable.Empty<IOperation>(),
                };
                foreach (IOperation element in elements)
                {
                    yield return element;
                }
            }
        }

        /// <summary>The invocation <paramref name="element"/> (an outermost value) is written into as a task of a collection argument, if any.</summary>
        public static IInvocationOperation? HolderOf(IOperation element)
        {
            IOperation? holder = element.Parent;
            if (holder is IReturnOperation && ReturningLambda(holder) is { } lambda)
            {
                // vms.Select(vm => Start(vm))[.ToArray()]: the Select call is the collection.
                holder = TaskFlow.DelegateHolder(lambda);

                if (holder is not IArgumentOperation { Parent: IInvocationOperation query } || SelectLambda(query) != lambda)
                {
                    return null;
                }

                holder = AfterMaterializing(query).Parent;
            }

            while (holder is IArrayInitializerOperation or IArrayCreationOperation or IConversionOperation || (holder is not null && IsNewerKind(holder)))
            {
                holder = holder.Parent;
            }

            return holder is IArgumentOperation { Parent: IInvocationOperation invocation } ? invocation : null;
        }

        /// <summary>The outermost of <c>query.ToArray()</c> / <c>.ToList()</c> calls around <paramref name="query"/>.</summary>
        private static IOperation AfterMaterializing(IOperation query)
        {
            IOperation current = query;
            while (current.Parent is IConversionOperation)
            {
                current = current.Parent;
            }

            return current.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" } materialize } && IsEnumerable(materialize.TargetMethod)
                ? AfterMaterializing(materialize)
                : current;
        }

        /// <summary><c>source.Select(x => ...)</c> (Enumerable), possibly followed by <c>.ToArray()</c> or <c>.ToList()</c>: its lambda.</summary>
        private static IAnonymousFunctionOperation? SelectLambda(IInvocationOperation query)
        {
            if (query.TargetMethod.Name is "ToArray" or "ToList" && IsEnumerable(query.TargetMethod) && query.Arguments.Length == 1)
            {
                return Strip(query.Arguments[0].Value) is IInvocationOperation inner ? SelectLambda(inner) : null;
            }

            if (query.TargetMethod.Name != "Select" || !IsEnumerable(query.TargetMethod) || query.Arguments.Length != 2)
            {
                return null;
            }

            return TaskFlow.DelegateSource(query.Arguments[1].Value) as IAnonymousFunctionOperation;
        }

        private static bool IsEnumerable(IMethodSymbol method)
            => method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        /// <summary>What a lambda returns (its own returns, not those of nested functions).</summary>
        private static IEnumerable<IOperation> Returned(IAnonymousFunctionOperation lambda) => lambda.Body.Descendants()
            .OfType<IReturnOperation>()
            .Where(r => r.ReturnedValue is not null && ReturningLambda(r) == lambda)
            .Select(r => r.ReturnedValue!);

        private static IAnonymousFunctionOperation? ReturningLambda(IOperation returned)
        {
            for (IOperation? scope = returned.Parent; scope is not null; scope = scope.Parent)
            {
                switch (scope)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda;
                    case ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// An operation kind Roslyn 4.8 has no interface for: with newer compilers, a C# 12 collection expression or a
        /// C# 13 params collection (<c>Task.WaitAll(params ReadOnlySpan&lt;Task&gt;)</c>), whose children are the elements.
        /// </summary>
        private static bool IsNewerKind(IOperation operation) => operation.Kind > OperationKind.InlineArrayAccess;

        public static IOperation Strip(IOperation value)
        {
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            return value;
        }
    }
}
