using System.Linq;
using Microsoft.CodeAnalysis;
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
            => DelegateHolder(function) is IArgumentOperation { Parent: IInvocationOperation runner } && symbols.RoleOf(runner.TargetMethod) == MethodRole.Runner;

        /// <summary>What a delegate made from <paramref name="function"/> is handed to (above its delegate creation and conversions).</summary>
        public static IOperation? DelegateHolder(IOperation function)
        {
            IOperation? holder = function.Parent;
            while (holder is IDelegateCreationOperation or IConversionOperation)
            {
                holder = holder.Parent;
            }

            return holder;
        }

        /// <summary>What a delegate value is made from (below its delegate creation and conversions): a lambda or method reference.</summary>
        public static IOperation DelegateSource(IOperation value)
        {
            IOperation current = value;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current is IDelegateCreationOperation creation ? creation.Target : ((IConversionOperation)current).Operand;
            }

            return current;
        }

        /// <summary>The first ManagedObjectReference argument: the target of a starter (<c>@this</c>) or of a pre-check.</summary>
        public static IArgumentOperation? TargetArgument(IInvocationOperation invocation) => invocation.Arguments
            .Where(a => a.Parameter is { Type.Name: TaskSymbols.ManagedObjectReferenceName })
            .OrderBy(a => a.Parameter!.Ordinal)
            .FirstOrDefault();

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
    }
}
