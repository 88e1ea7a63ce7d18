using System.Collections.Generic;
using System.Linq;
using EsxSdk.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>A task target argument of a starter: one VM, or a collection of VMs every one of which needs a check.</summary>
    internal readonly struct StarterTarget
    {
        public StarterTarget(IArgumentOperation argument, bool isCollection)
        {
            this.Argument = argument;
            this.IsCollection = isCollection;
        }

        public IArgumentOperation Argument { get; }

        public bool IsCollection { get; }
    }

    /// <summary>Reading the task API's calls: their targets and clients, and the values they pass through.</summary>
    internal static class TaskCalls
    {
        /// <summary>The value under conversions, parentheses and <c>ConfigureAwait</c>.</summary>
        public static IOperation Strip(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaited }:
                        operation = awaited;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>
        /// The starter's targets: the parameters its <c>[VimTaskStarter(Targets = ...)]</c> names (runtimes that record
        /// them), else its first ManagedObjectReference parameter (<c>_this</c>).
        /// </summary>
        public static IReadOnlyList<StarterTarget> StarterTargets(IInvocationOperation call, TaskSymbols symbols)
        {
            if (symbols.TargetsOf(call.TargetMethod) is { } names)
            {
                // An optional target left out, or passed as null, names no VM: nothing to check.
                return call.Arguments
                    .Where(a => a.Parameter is { } p && names.Contains(p.Name))
                    .Where(a => a.ArgumentKind != ArgumentKind.DefaultValue && a.Value.ConstantValue is not { HasValue: true, Value: null })
                    .OrderBy(a => a.Parameter!.Ordinal)
                    .Select(a => new StarterTarget(a, a.Parameter!.Type is IArrayTypeSymbol))
                    .ToArray();
            }

            return TaskFlow.TargetArgument(call) is { } first ? new[] { new StarterTarget(first, false) } : System.Array.Empty<StarterTarget>();
        }

        /// <summary>The pre-check's target argument (its first ManagedObjectReference).</summary>
        public static IArgumentOperation? PrecheckTarget(IInvocationOperation call) => TaskFlow.TargetArgument(call);

        /// <summary>The VimClient a pre-check goes through: its first VimClient argument (the extension's receiver).</summary>
        public static IOperation? PrecheckClient(IInvocationOperation call, TaskSymbols symbols)
            => call.Arguments.FirstOrDefault(a => a.Parameter is { } p && SymbolEqualityComparer.Default.Equals(p.Type, symbols.Client))?.Value
               ?? (call.Instance is { } instance && SymbolEqualityComparer.Default.Equals(instance.Type, symbols.Client) ? instance : null);

        /// <summary>
        /// The VimClient whose service a starter is called on (<c>client</c> of <c>client.Service.XTaskAsync</c>, also
        /// through a copy <c>var service = client.Service;</c>), or null when it is not known.
        /// </summary>
        public static AccessPath? StarterClient(IInvocationOperation call, FlowState state, System.Func<Microsoft.CodeAnalysis.FlowAnalysis.CaptureId, AccessPath?> captures, TaskSymbols symbols)
        {
            if (AccessPath.Of(call.Instance, captures) is not { } service)
            {
                return null;
            }

            foreach (AccessPath alias in state.Aliases(service))
            {
                if (alias.LastMember is IPropertySymbol { Name: RuntimeNames.Properties.Service } property
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.Client))
                {
                    return alias.Owner;
                }
            }

            return null;
        }

        /// <summary><c>Task.WhenAll(...)</c>: the task values it waits for (its params array's elements, or its one sequence).</summary>
        public static IEnumerable<IOperation>? WhenAllElements(IInvocationOperation call)
        {
            if (call.TargetMethod is not { Name: "WhenAll", ContainingType: { Name: "Task", ContainingNamespace: { Name: "Tasks" } } })
            {
                return null;
            }

            var elements = new List<IOperation>();
            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (Strip(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                {
                    elements.AddRange(initializer.ElementValues);
                }
                else
                {
                    elements.Add(argument.Value);
                }
            }

            return elements;
        }

        /// <summary>
        /// <c>source.Select(lambda)</c> (also followed by <c>ToList()</c>, <c>ToArray()</c>, <c>AsEnumerable()</c>): the source
        /// and the lambda, for "a task per element".
        /// </summary>
        public static (IOperation Source, IFlowAnonymousFunctionOperation Lambda)? SelectPerElement(IOperation value)
        {
            IOperation current = Strip(value);
            while (current is IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable", Arguments.Length: 1 } materialize)
            {
                current = Strip(materialize.Arguments[0].Value);
            }

            if (current is IInvocationOperation { TargetMethod.Name: "Select", Arguments.Length: 2 } select
                && LambdaOf(select.Arguments[1].Value) is { } lambda
                && lambda.Symbol.Parameters.Length == 1)
            {
                return (select.Arguments[0].Value, lambda);
            }

            return null;
        }

        /// <summary>The lambda a delegate argument is made from, if it is one.</summary>
        public static IFlowAnonymousFunctionOperation? LambdaOf(IOperation value) => TaskFlow.DelegateSource(value) as IFlowAnonymousFunctionOperation;
    }
}
