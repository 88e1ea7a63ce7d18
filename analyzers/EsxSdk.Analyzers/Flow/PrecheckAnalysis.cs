using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>
    /// The facts before each raw starter of a function and of the lambdas and local functions in it. A lambda starts
    /// from nothing (it may run at any time: only a check inside it counts); a local function starts from what holds at
    /// every one of its calls (nothing when it is also used as a delegate).
    /// </summary>
    internal static class PrecheckAnalysis
    {
        /// <summary>The state before each of <paramref name="starters"/>; a starter on no reachable path has none.</summary>
        public static Dictionary<SyntaxNode, FlowState> StatesBefore(ControlFlowGraph root, IReadOnlyCollection<SyntaxNode> starters, FlowContext context)
        {
            var states = new Dictionary<SyntaxNode, FlowState>();
            Analyze(root, FlowState.Empty, starters, states, context);
            return states;
        }

        private static void Analyze(ControlFlowGraph graph, ImmutableHashSet<Fact> entry, IReadOnlyCollection<SyntaxNode> starters, Dictionary<SyntaxNode, FlowState> states, FlowContext context)
        {
            FunctionFlow flow = FunctionFlow.Run(graph, entry, context);
            foreach (KeyValuePair<SyntaxNode, ImmutableHashSet<Fact>> before in flow.AtStarters)
            {
                states[before.Key] = new FlowState(before.Value);
            }

            IOperation[] operations = graph.Blocks
                .SelectMany(b => b.Operations.Concat(b.BranchValue is null ? Enumerable.Empty<IOperation>() : new[] { b.BranchValue }))
                .SelectMany(o => o.DescendantsAndSelf())
                .ToArray();
            foreach (IFlowAnonymousFunctionOperation lambda in operations.OfType<IFlowAnonymousFunctionOperation>())
            {
                if (starters.Any(s => lambda.Syntax.Span.Contains(s.Span)))
                {
                    Analyze(graph.GetAnonymousFunctionControlFlowGraph(lambda, context.CancellationToken), FlowState.Empty, starters, states, context);
                }
            }

            foreach (IMethodSymbol function in graph.LocalFunctions)
            {
                if (!function.DeclaringSyntaxReferences.Any(r => starters.Any(s => r.Span.Contains(s.Span))))
                {
                    continue;
                }

                bool usedAsDelegate = operations.OfType<IMethodReferenceOperation>().Any(m => SymbolEqualityComparer.Default.Equals(m.Method.OriginalDefinition, function));
                ImmutableHashSet<Fact> atCalls = !usedAsDelegate && flow.LocalCalls.TryGetValue(function, out List<ImmutableHashSet<Fact>>? calls) && calls.Count > 0
                    ? calls.Aggregate(FlowState.Meet)
                    : FlowState.Empty;
                Analyze(graph.GetLocalFunctionControlFlowGraph(function, context.CancellationToken), atCalls, starters, states, context);
            }
        }
    }
}
