using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>One analysis run: its cancellation and how deep nested summaries go.</summary>
    internal sealed class FlowContext
    {
        /// <summary>Helpers calling helpers calling helpers: deeper chains count as no check (reported, never silently trusted).</summary>
        private const int MaxNesting = 4;

        private readonly FlowSummaries summaries;
        private readonly List<ISymbol> inProgress = new();
        private int nesting;

        public FlowContext(FlowSummaries summaries, CancellationToken cancellationToken)
        {
            this.summaries = summaries;
            this.CancellationToken = cancellationToken;
        }

        public TaskSymbols Symbols => this.summaries.Symbols;

        public CancellationToken CancellationToken { get; }

        public IReadOnlyCollection<Fact> SummaryOf(IMethodSymbol method, ControlFlowGraph caller) => this.summaries.SummaryOf(method, caller, this);

        /// <summary>Whether the summary being computed is the first of its chain (nothing above it was cut off).</summary>
        public bool IsOutermost => this.inProgress.Count == 1 && !this.CutOff;

        /// <summary>A summary met recursion or the nesting bound.</summary>
        private bool CutOff { get; set; }

        /// <summary>Starts summarising <paramref name="method"/>; false on recursion or past the nesting bound.</summary>
        public bool Enter(IMethodSymbol method)
        {
            if (this.inProgress.Contains(method, SymbolEqualityComparer.Default) || !this.EnterNested())
            {
                this.CutOff = true;
                return false;
            }

            this.inProgress.Add(method);
            return true;
        }

        public void Leave(IMethodSymbol method)
        {
            this.inProgress.RemoveAt(this.inProgress.Count - 1);
            this.LeaveNested();
            if (this.inProgress.Count == 0)
            {
                this.CutOff = false;
            }
        }

        public bool EnterNested()
        {
            if (this.nesting >= MaxNesting)
            {
                return false;
            }

            this.nesting++;
            return true;
        }

        public void LeaveNested() => this.nesting--;
    }
}
