using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>What can become of the value one write stores in a local, on the paths of the control flow graph after it.</summary>
    internal enum LocalValueFate
    {
        /// <summary>Some path reads it (a read in a later loop iteration counts).</summary>
        MayBeRead,

        /// <summary>No path reads it, and some path overwrites it first.</summary>
        Overwritten,

        /// <summary>No path reads it, and some path only awaits or discards it.</summary>
        Discarded,

        /// <summary>No path even mentions it before the function ends.</summary>
        NeverRead,
    }

    /// <summary>
    /// Follows one write to a local forward through the control flow graph of the function holding the write (the
    /// method's, or a nested lambda's or local function's). Exceptions are followed conservatively: from any block
    /// of a try, its catch, filter and finally handlers are reachable too.
    /// </summary>
    internal static class LocalValueFlow
    {
        /// <summary>
        /// The fate of what the assignment to <paramref name="local"/> whose syntax contains <paramref name="written"/>
        /// (the assigned value) stores; null when no graph holds that assignment.
        /// </summary>
        public static LocalValueFate? FateOf(ControlFlowGraph methodGraph, ILocalSymbol local, SyntaxNode written)
        {
            if (Find(methodGraph, local, written) is not { } write)
            {
                return null;
            }

            (ControlFlowGraph graph, int startBlock, int startIndex) = write;
            var visited = new bool[graph.Blocks.Length];
            var pending = new Stack<(int Block, int Index)>();
            pending.Push((startBlock, startIndex + 1));
            bool overwritten = false;
            bool discarded = false;
            while (pending.Count > 0)
            {
                (int ordinal, int from) = pending.Pop();
                BasicBlock block = graph.Blocks[ordinal];
                Use use = Use.None;
                IOperation[] operations = OperationsOf(block).ToArray();
                for (int index = from; index < operations.Length && use == Use.None; index++)
                {
                    Use found = UseIn(operations[index], local, isBranchValue: operations[index] == block.BranchValue);
                    discarded |= found == Use.Discard;
                    use = found == Use.Discard ? Use.None : found;
                }

                if (use == Use.Read)
                {
                    return LocalValueFate.MayBeRead;
                }

                // An exception can leave the block before its overwrite: the handlers come after it either way.
                overwritten |= use == Use.Write;
                foreach (int next in use == Use.Write ? Handlers(block) : Branches(block).Concat(Handlers(block)))
                {
                    if (!visited[next])
                    {
                        visited[next] = true;
                        pending.Push((next, 0));
                    }
                }
            }

            return overwritten ? LocalValueFate.Overwritten : discarded ? LocalValueFate.Discarded : LocalValueFate.NeverRead;
        }

        private enum Use
        {
            None,
            Discard,
            Write,
            Read,
        }

        /// <summary>
        /// How one operation of a block uses the local: a read anywhere in it wins (in <c>t = F(t)</c> the read comes
        /// first); a value only awaited or discarded as a whole statement (<c>await t;</c>) is not a read. A block's
        /// branch value is returned, thrown or tested: a read.
        /// </summary>
        private static Use UseIn(IOperation operation, ILocalSymbol local, bool isBranchValue)
        {
            Use use = Use.None;
            foreach (ILocalReferenceOperation reference in DescendantsAndSelf(operation).OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                Use kind = reference.Parent switch
                {
                    ISimpleAssignmentOperation { IsRef: false } assignment when assignment.Target == reference => Use.Write,
                    IArgumentOperation { Parameter.RefKind: RefKind.Out } => Use.Write,
                    _ => IsDropped(TaskFlow.OutermostValue(reference), isBranchValue) ? Use.Discard : Use.Read,
                };
                if (kind == Use.Read)
                {
                    return Use.Read;
                }

                use = kind > use ? kind : use;
            }

            return use;
        }

        /// <summary>A graph's statements have no parent: a value that is a whole statement is dropped, unless it is the branch value.</summary>
        private static bool IsDropped(IOperation outermost, bool isBranchValue) => outermost.Parent switch
        {
            null => !isBranchValue,
            ISimpleAssignmentOperation { Target: IDiscardOperation } discard => discard.Value == outermost,
            _ => false,
        };

        /// <summary>Where the block's branches go, through the finally handlers they run.</summary>
        private static IEnumerable<int> Branches(BasicBlock block)
        {
            foreach (ControlFlowBranch? branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch is null)
                {
                    continue;
                }

                if (branch.Destination is { } destination)
                {
                    yield return destination.Ordinal;
                }

                foreach (ControlFlowRegion finallyRegion in branch.FinallyRegions)
                {
                    yield return finallyRegion.FirstBlockOrdinal;
                }
            }
        }

        /// <summary>An exception may leave any block of a try for the catch, filter and finally handlers of that try.</summary>
        private static IEnumerable<int> Handlers(BasicBlock block)
        {
            for (ControlFlowRegion? region = block.EnclosingRegion; region?.EnclosingRegion is { } parent; region = parent)
            {
                if (region.Kind == ControlFlowRegionKind.Try)
                {
                    foreach (ControlFlowRegion handler in parent.NestedRegions.Where(r => r != region))
                    {
                        yield return handler.FirstBlockOrdinal;
                    }
                }
            }
        }

        /// <summary>The graph (the method's or a nested function's) whose own operations hold the assignment, its block and statement index.</summary>
        private static (ControlFlowGraph Graph, int Block, int Index)? Find(ControlFlowGraph graph, ILocalSymbol local, SyntaxNode written)
        {
            foreach (BasicBlock block in graph.Blocks)
            {
                IOperation[] operations = OperationsOf(block).ToArray();
                for (int index = 0; index < operations.Length; index++)
                {
                    if (DescendantsAndSelf(operations[index]).Any(o => IsTheWrite(o, local, written)))
                    {
                        return (graph, block.Ordinal, index);
                    }
                }
            }

            foreach (IFlowAnonymousFunctionOperation lambda in graph.Blocks.SelectMany(OperationsOf).SelectMany(DescendantsAndSelf).OfType<IFlowAnonymousFunctionOperation>())
            {
                if (lambda.Syntax.Span.Contains(written.Span) && Find(graph.GetAnonymousFunctionControlFlowGraph(lambda), local, written) is { } inLambda)
                {
                    return inLambda;
                }
            }

            foreach (IMethodSymbol localFunction in graph.LocalFunctions)
            {
                if (localFunction.DeclaringSyntaxReferences.Any(r => r.Span.Contains(written.Span))
                    && Find(graph.GetLocalFunctionControlFlowGraph(localFunction), local, written) is { } inLocal)
                {
                    return inLocal;
                }
            }

            return null;
        }

        /// <summary>
        /// The graph's assignment for the write: a declaration <c>var t = ...</c> becomes one too. Its syntax contains the
        /// written value even when the value was computed in earlier blocks (<c>t = c ? await A() : await B()</c>).
        /// </summary>
        private static bool IsTheWrite(IOperation operation, ILocalSymbol local, SyntaxNode written)
            => operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
               && SymbolEqualityComparer.Default.Equals(target.Local, local)
               && assignment.Syntax.Span.Contains(written.Span);

        private static IEnumerable<IOperation> OperationsOf(BasicBlock block)
            => block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);

        private static IEnumerable<IOperation> DescendantsAndSelf(IOperation operation) => new[] { operation }.Concat(operation.Descendants());
    }
}
