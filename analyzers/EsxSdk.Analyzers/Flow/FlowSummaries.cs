using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>
    /// Per compilation: the task API's symbols and the summaries of helpers ("awaits a pre-check of its parameter on
    /// every path"), computed once per method on first use. Per analysis: the cancellation token and how deep summaries
    /// nest (bounded, so a chain of helpers costs a few graphs, not the whole compilation).
    /// </summary>
    internal sealed class FlowSummaries
    {
        private readonly ConcurrentDictionary<IMethodSymbol, Fact[]> summaries = new(SymbolEqualityComparer.Default);
        private readonly Compilation compilation;

        public FlowSummaries(Compilation compilation, TaskSymbols symbols)
        {
            this.compilation = compilation;
            this.Symbols = symbols;
        }

        public TaskSymbols Symbols { get; }

        public FlowContext For(CancellationToken cancellationToken) => new(this, cancellationToken);

        /// <summary>The Checked/AllChecked facts about a method's parameters that hold whenever it returns normally.</summary>
        internal Fact[] SummaryOf(IMethodSymbol method, ControlFlowGraph caller, FlowContext context)
        {
            method = method.OriginalDefinition;
            if (!MayCheck(method))
            {
                return Array.Empty<Fact>();
            }

            bool local = method.MethodKind == MethodKind.LocalFunction;
            if (!local && this.summaries.TryGetValue(method, out Fact[]? known))
            {
                return known;
            }

            // Recursion (and chains deeper than the bound) count as checking nothing; not cached, so every thread
            // computes the same summary whatever order it meets the methods in.
            if (!context.Enter(method))
            {
                return Array.Empty<Fact>();
            }

            try
            {
                if (local)
                {
                    // Local functions live in an enclosing graph: summarised per caller, not cached.
                    for (ControlFlowGraph? graph = caller; graph is not null; graph = graph.Parent)
                    {
                        if (graph.LocalFunctions.Contains(method, SymbolEqualityComparer.Default))
                        {
                            return Summarize(method, graph.GetLocalFunctionControlFlowGraph(method, context.CancellationToken), context);
                        }
                    }

                    return Array.Empty<Fact>();
                }

                Fact[] summary = this.GraphOf(method, context.CancellationToken) is { } methodGraph ? Summarize(method, methodGraph, context) : Array.Empty<Fact>();
                if (context.IsOutermost)
                {
                    // Summaries computed under a cut-off recursion may be weaker than the method's own: cache only complete ones.
                    this.summaries.TryAdd(method, summary);
                }

                return summary;
            }
            finally
            {
                context.Leave(method);
            }
        }

        /// <summary>Only source methods with a parameter that can hold references are worth a graph.</summary>
        private static bool MayCheck(IMethodSymbol method)
            => !method.DeclaringSyntaxReferences.IsEmpty
               && method.Parameters.Any(p => MentionsReference(p.Type));

        private static bool MentionsReference(ITypeSymbol type) => type switch
        {
            { Name: TaskSymbols.ManagedObjectReferenceName } => true,
            IArrayTypeSymbol array => MentionsReference(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.Any(MentionsReference),
            _ => false,
        };

        private static Fact[] Summarize(IMethodSymbol method, ControlFlowGraph graph, FlowContext context)
        {
            FunctionFlow body = FunctionFlow.Run(graph, FlowState.Empty, context);
            if (body.AtExit is not { } exit)
            {
                return Array.Empty<Fact>();
            }

            var parameters = method.Parameters.Select(p => (ISymbol)p).ToArray();
            return exit
                .Where(f => f.Kind is FactKind.Checked or FactKind.AllChecked && f.Path!.Root is IParameterSymbol && parameters.Contains(f.Path.Root, SymbolEqualityComparer.Default))
                .Select(f => f.Kind == FactKind.AllChecked || f.Client?.Root is IParameterSymbol ? f : Fact.Checked(f.Path!, null))
                .ToArray();
        }

        private ControlFlowGraph? GraphOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                SyntaxNode syntax = reference.GetSyntax(cancellationToken);
#pragma warning disable RS1030 // A helper in another syntax tree needs that tree's model: summaries are computed once per method and cached.
                SemanticModel model = this.compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetOperation(syntax, cancellationToken) is IMethodBodyBaseOperation)
                {
                    return ControlFlowGraph.Create(syntax, model, cancellationToken);
                }
            }

            return null;
        }
    }
}
