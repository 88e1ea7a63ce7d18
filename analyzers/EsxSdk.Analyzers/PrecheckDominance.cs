using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// "A pre-check runs earlier on every path" as dominance in the control flow graph of the function (method,
    /// lambda or local function) that makes the call: the pre-check's basic block dominates the call's block, or
    /// both share a block and the pre-check comes first. A pre-check in an enclosing or nested function never counts.
    /// </summary>
    internal static class PrecheckDominance
    {
        /// <summary>Whether one of <paramref name="prechecks"/> dominates <paramref name="call"/>; false when the graph does not hold the call.</summary>
        public static bool AnyDominates(ControlFlowGraph methodGraph, SyntaxNode call, IReadOnlyCollection<SyntaxNode> prechecks)
        {
            if (FindGraph(methodGraph, call) is not { } found)
            {
                return false;
            }

            (ControlFlowGraph graph, Position callAt) = found;
            bool[][]? dominators = null;
            foreach (SyntaxNode precheck in prechecks)
            {
                if (Locate(graph, precheck) is not { } checkAt)
                {
                    // In another function (a lambda or local function) or not an invocation of this graph.
                    continue;
                }

                if (checkAt.Block == callAt.Block)
                {
                    if (checkAt.Index < callAt.Index || (checkAt.Index == callAt.Index && precheck.Span.End <= call.SpanStart))
                    {
                        return true;
                    }

                    continue;
                }

                dominators ??= Dominators(graph);
                if (dominators[callAt.Block][checkAt.Block])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The graph (the method's, or a nested lambda's or local function's) whose own operations hold the call.</summary>
        private static (ControlFlowGraph Graph, Position At)? FindGraph(ControlFlowGraph graph, SyntaxNode call)
        {
            if (Locate(graph, call) is { } at)
            {
                return (graph, at);
            }

            foreach (IFlowAnonymousFunctionOperation lambda in graph.Blocks.SelectMany(OperationsOf).SelectMany(DescendantsAndSelf).OfType<IFlowAnonymousFunctionOperation>())
            {
                if (lambda.Syntax.Span.Contains(call.Span) && FindGraph(graph.GetAnonymousFunctionControlFlowGraph(lambda), call) is { } inLambda)
                {
                    return inLambda;
                }
            }

            foreach (IMethodSymbol localFunction in graph.LocalFunctions)
            {
                if (localFunction.DeclaringSyntaxReferences.Any(r => r.Span.Contains(call.Span))
                    && FindGraph(graph.GetLocalFunctionControlFlowGraph(localFunction), call) is { } inLocal)
                {
                    return inLocal;
                }
            }

            return null;
        }

        /// <summary>The block and statement index of the invocation written as <paramref name="syntax"/>, if this graph's own code has it.</summary>
        private static Position? Locate(ControlFlowGraph graph, SyntaxNode syntax)
        {
            foreach (BasicBlock block in graph.Blocks)
            {
                IOperation[] operations = OperationsOf(block).ToArray();
                for (int index = 0; index < operations.Length; index++)
                {
                    if (DescendantsAndSelf(operations[index]).Any(o => o is IInvocationOperation && o.Syntax == syntax))
                    {
                        return new Position(block.Ordinal, index);
                    }
                }
            }

            return null;
        }

        private static IEnumerable<IOperation> OperationsOf(BasicBlock block)
            => block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);

        /// <summary>Nested lambdas appear as <see cref="IFlowAnonymousFunctionOperation"/> without children: their code is not included.</summary>
        private static IEnumerable<IOperation> DescendantsAndSelf(IOperation operation) => new[] { operation }.Concat(operation.Descendants());

        /// <summary>
        /// Dominator sets (<c>result[b][d]</c>: d dominates b) by the iterative data-flow algorithm. Blocks entered only
        /// by an exception or a finally (no predecessors) are dominated by themselves alone: conservative.
        /// </summary>
        private static bool[][] Dominators(ControlFlowGraph graph)
        {
            int count = graph.Blocks.Length;
            var result = new bool[count][];
            for (int b = 0; b < count; b++)
            {
                result[b] = new bool[count];
                bool isRoot = b == 0 || graph.Blocks[b].Predecessors.IsEmpty;
                for (int d = 0; d < count; d++)
                {
                    result[b][d] = isRoot ? d == b : true;
                }
            }

            bool changed = true;
            while (changed)
            {
                changed = false;
                for (int b = 1; b < count; b++)
                {
                    BasicBlock block = graph.Blocks[b];
                    if (block.Predecessors.IsEmpty)
                    {
                        continue;
                    }

                    for (int d = 0; d < count; d++)
                    {
                        bool dominated = d == b || block.Predecessors.All(p => result[p.Source.Ordinal][d]);
                        if (result[b][d] != dominated)
                        {
                            result[b][d] = dominated;
                            changed = true;
                        }
                    }
                }
            }

            return result;
        }

        private readonly struct Position
        {
            public Position(int block, int index)
            {
                this.Block = block;
                this.Index = index;
            }

            public int Block { get; }

            public int Index { get; }
        }
    }
}
