using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>How a value (a starter's Task or task reference, or a WhenAll of them) is dropped, for ESX0002.</summary>
    internal sealed class DroppedValues
    {
        private readonly OperationAnalysisContext context;

        public DroppedValues(OperationAnalysisContext context) => this.context = context;

        /// <summary>How the value is dropped ("discarded", "kept in 'x' and never read", ...), or null when it goes somewhere.</summary>
        public string? How(IOperation value) => this.How(value, followLocals: true);

        private string? How(IOperation value, bool followLocals)
        {
            IOperation outermost = TaskFlow.OutermostValue(value);
            switch (outermost.Parent)
            {
                case IExpressionStatementOperation:
                case ISimpleAssignmentOperation { Target: IDiscardOperation } discard when discard.Value == outermost:
                    return "discarded";
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when followLocals:
                    return this.HowLocalIsDropped(declarator.Symbol, value);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local, Parent: IExpressionStatementOperation } assignment
                    when followLocals && assignment.Value == outermost:
                    return this.HowLocalIsDropped(local.Local, value);
                default:
                    return null;
            }
        }

        /// <summary>
        /// A local is dropped when it is never read, or when every read only awaits it and discards the result
        /// (<c>var t = XTaskAsync(vm); await t;</c>): anywhere in the function. Otherwise the control flow graph
        /// decides whether a read can follow this write (<c>t = Start(a); t = Start(b); Use(t);</c> drops the first),
        /// unless a lambda or local function also uses the local: when it runs is not known, so it may read it.
        /// </summary>
        private string? HowLocalIsDropped(ILocalSymbol local, IOperation written)
        {
            ILocalReferenceOperation[] references = TaskFlow.Root(written).Descendants()
                .OfType<ILocalReferenceOperation>()
                .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local))
                .ToArray();
            ILocalReferenceOperation[] reads = references.Where(r => !r.IsDeclaration && !IsAssignedTo(r)).ToArray();
            if (reads.Length == 0)
            {
                return "kept in '" + local.Name + "' and never read";
            }

            if (reads.All(r => this.How(r, followLocals: false) is not null))
            {
                return "kept in '" + local.Name + "' and then discarded";
            }

            IOperation? function = FunctionOf(written);
            if (references.Any(r => FunctionOf(r) != function))
            {
                return null;
            }

            return LocalValueFlow.FateOf(this.context.GetControlFlowGraph(), local, written.Syntax) switch
            {
                LocalValueFate.Overwritten => "kept in '" + local.Name + "' and overwritten before it is read",
                LocalValueFate.Discarded => "kept in '" + local.Name + "' and then discarded",
                LocalValueFate.NeverRead => "kept in '" + local.Name + "' and never read",
                _ => null,
            };
        }

        /// <summary>The innermost lambda or local function holding <paramref name="operation"/>, or null for the method itself.</summary>
        private static IOperation? FunctionOf(IOperation operation)
        {
            for (IOperation? scope = operation.Parent; scope is not null; scope = scope.Parent)
            {
                if (scope is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return scope;
                }
            }

            return null;
        }

        private static bool IsAssignedTo(ILocalReferenceOperation reference)
            => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference && assignment is not ICompoundAssignmentOperation;
    }
}
