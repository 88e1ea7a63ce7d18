using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>
    /// The pre-check facts of one function (a method, lambda or local function body) as a forward must-analysis over
    /// its control flow graph: the state before every raw starter, at every call of a local function, and at the exit.
    /// Branches that are never taken (<c>while (true)</c>'s exit) carry nothing; a catch or finally starts from what
    /// held throughout its try.
    /// </summary>
    internal sealed partial class FunctionFlow
    {
        /// <summary>Passes over the graph before giving up on a fixed point (implications can keep a state moving).</summary>
        private const int MaxPasses = 32;

        private readonly ControlFlowGraph graph;
        private readonly FlowContext context;
        private readonly Dictionary<CaptureId, AccessPath> captured = new();
        private readonly Dictionary<CaptureId, AccessPath> enumerators = new();
        private readonly Dictionary<SyntaxNode, ImmutableHashSet<Fact>> atStarters = new();
        private readonly Dictionary<IMethodSymbol, List<ImmutableHashSet<Fact>>> localCalls = new(SymbolEqualityComparer.Default);

        private FunctionFlow(ControlFlowGraph graph, FlowContext context)
        {
            this.graph = graph;
            this.context = context;
            this.IndexCaptures();
        }

        /// <summary>The state just before each raw starter of this function is called (its arguments evaluated).</summary>
        public IReadOnlyDictionary<SyntaxNode, ImmutableHashSet<Fact>> AtStarters => this.atStarters;

        /// <summary>The states at the calls of each local function made here, its parameters bound to the arguments.</summary>
        public IReadOnlyDictionary<IMethodSymbol, List<ImmutableHashSet<Fact>>> LocalCalls => this.localCalls;

        /// <summary>What holds when the function returns normally; null when it never does.</summary>
        public ImmutableHashSet<Fact>? AtExit { get; private set; }

        public ControlFlowGraph Graph => this.graph;

        public static FunctionFlow Run(ControlFlowGraph graph, ImmutableHashSet<Fact> entry, FlowContext context)
        {
            var flow = new FunctionFlow(graph, context);
            flow.Solve(entry);
            return flow;
        }

        /// <summary>
        /// Round-robin passes until no block's input changes. Each pass recomputes every input from the states its
        /// incoming edges carried in the previous step (a meet over them, unreached edges ignored), so implications
        /// formed at one merge are not lost to a later re-merge; what is recorded at starters is the last pass's.
        /// </summary>
        private void Solve(ImmutableHashSet<Fact> entry)
        {
            ImmutableArray<BasicBlock> blocks = this.graph.Blocks;
            var input = new ImmutableHashSet<Fact>?[blocks.Length];
            var edges = new Dictionary<(int From, int To, bool Conditional), ImmutableHashSet<Fact>>();
            Dictionary<int, int[]> handlers = HandlerEntries(this.graph);
            bool changed = true;
            for (int pass = 0; changed && pass < MaxPasses; pass++)
            {
                this.context.CancellationToken.ThrowIfCancellationRequested();
                changed = false;
                this.atStarters.Clear();
                this.localCalls.Clear();
                foreach (BasicBlock block in blocks)
                {
                    ImmutableHashSet<Fact>? start = block.Ordinal == 0 ? entry : InputOf(block, edges, input, handlers);
                    if (!SameState(input[block.Ordinal], start))
                    {
                        input[block.Ordinal] = start;
                        changed = true;
                    }

                    if (start is null || !block.IsReachable)
                    {
                        continue;
                    }

                    (ImmutableHashSet<Fact>? conditional, ImmutableHashSet<Fact>? fallThrough) = this.Transfer(block, start);
                    changed |= Carry(edges, block.Ordinal, block.ConditionalSuccessor?.Destination, true, conditional);
                    changed |= Carry(edges, block.Ordinal, block.FallThroughSuccessor?.Destination, false, fallThrough);
                }
            }

            this.AtExit = input[blocks.Length - 1];
        }

        /// <summary>The meet of what the block's incoming edges carry (a handler: what held throughout its try); null when none has been reached.</summary>
        private static ImmutableHashSet<Fact>? InputOf(BasicBlock block, Dictionary<(int, int, bool), ImmutableHashSet<Fact>> edges, ImmutableHashSet<Fact>?[] input, Dictionary<int, int[]> handlers)
        {
            ImmutableHashSet<Fact>? result = null;
            if (handlers.TryGetValue(block.Ordinal, out int[]? tryBlocks))
            {
                foreach (int t in tryBlocks)
                {
                    if (input[t] is { } state)
                    {
                        result = result is null ? state : result.Intersect(state);
                    }
                }

                return result;
            }

            foreach (ControlFlowBranch predecessor in block.Predecessors)
            {
                bool conditional = predecessor.Source.ConditionalSuccessor == predecessor;
                if (edges.TryGetValue((predecessor.Source.Ordinal, block.Ordinal, conditional), out ImmutableHashSet<Fact>? carried))
                {
                    result = result is null ? carried : FlowState.Meet(result, carried);
                }
            }

            return result;
        }

        private static bool Carry(Dictionary<(int, int, bool), ImmutableHashSet<Fact>> edges, int from, BasicBlock? to, bool conditional, ImmutableHashSet<Fact>? state)
        {
            if (to is null || state is null)
            {
                return false;
            }

            var key = (from, to.Ordinal, conditional);
            if (edges.TryGetValue(key, out ImmutableHashSet<Fact>? before) && before.SetEquals(state))
            {
                return false;
            }

            edges[key] = state;
            return true;
        }

        private static bool SameState(ImmutableHashSet<Fact>? first, ImmutableHashSet<Fact>? second)
            => first is null ? second is null : second is not null && first.SetEquals(second);

        /// <summary>The first block of each catch, filter or finally region, with the blocks of the try it handles.</summary>
        private static Dictionary<int, int[]> HandlerEntries(ControlFlowGraph graph)
        {
            var entries = new Dictionary<int, int[]>();
            foreach (BasicBlock block in graph.Blocks)
            {
                if (block.Ordinal == 0 || !block.Predecessors.IsEmpty)
                {
                    continue;
                }

                for (ControlFlowRegion? region = block.EnclosingRegion; region?.EnclosingRegion is { } parent; region = parent)
                {
                    if (parent.Kind is ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally && parent.NestedRegions[0] != region)
                    {
                        ControlFlowRegion tryRegion = parent.NestedRegions[0];
                        entries[block.Ordinal] = Enumerable.Range(tryRegion.FirstBlockOrdinal, tryRegion.LastBlockOrdinal - tryRegion.FirstBlockOrdinal + 1).ToArray();
                        break;
                    }
                }
            }

            return entries;
        }

        /// <summary>Flow captures of one value each: paths through them resolve to the captured path; enumerators of foreach loops.</summary>
        private void IndexCaptures()
        {
            var captures = this.graph.Blocks
                .SelectMany(b => b.Operations.Concat(b.BranchValue is null ? Enumerable.Empty<IOperation>() : new[] { b.BranchValue }))
                .SelectMany(o => o.DescendantsAndSelf())
                .OfType<IFlowCaptureOperation>()
                .GroupBy(c => c.Id)
                .Where(g => g.Count() == 1)
                .Select(g => g.Single())
                .ToArray();
            foreach (IFlowCaptureOperation capture in captures)
            {
                if (capture.Value is IInvocationOperation { TargetMethod.Name: "GetEnumerator", Instance: { } collection }
                    && AccessPath.Of(collection, this.Captured) is { } path)
                {
                    this.enumerators[capture.Id] = path;
                }
                else if (AccessPath.Of(capture.Value, this.Captured) is { } value)
                {
                    this.captured[capture.Id] = value;
                }
            }
        }

        private AccessPath? Captured(CaptureId id) => this.captured.TryGetValue(id, out AccessPath? path) ? path : null;
    }
}
