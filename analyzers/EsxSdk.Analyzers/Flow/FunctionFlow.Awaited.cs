using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>What an <c>await</c> establishes: only an awaited pre-check counts (a failing check must stop the start).</summary>
    internal sealed partial class FunctionFlow
    {
        private void Awaited(IOperation awaited, FlowState state)
        {
            IOperation value = TaskCalls.Strip(awaited);
            switch (value)
            {
                case IInvocationOperation call when this.context.Symbols.RoleOf(call.TargetMethod) == MethodRole.Precheck:
                    if (this.CheckOf(call) is { } check)
                    {
                        state.AddChecked(check.Target, check.Client);
                    }

                    break;
                case IInvocationOperation call when TaskCalls.WhenAllElements(call) is { } elements:
                    foreach (IOperation element in elements)
                    {
                        this.AwaitedElement(element, state);
                    }

                    break;
                case IInvocationOperation call when this.context.Symbols.RoleOf(call.TargetMethod) == MethodRole.None:
                    this.AwaitedHelper(call, state);
                    break;
                default:
                    this.AwaitedPending(value, state);
                    break;
            }
        }

        /// <summary>One task of an awaited <c>Task.WhenAll</c>: a check, a pending check, or a check per element of a sequence.</summary>
        private void AwaitedElement(IOperation element, FlowState state)
        {
            IOperation value = TaskCalls.Strip(element);
            if (value is IInvocationOperation call && this.context.Symbols.RoleOf(call.TargetMethod) == MethodRole.Precheck)
            {
                this.Awaited(call, state);
            }
            else if (TaskCalls.SelectPerElement(value) is { } perElement
                     && AccessPath.Of(perElement.Source, this.Captured) is { } collection
                     && this.LambdaChecksItsParameter(perElement.Lambda))
            {
                state.Facts.Add(Fact.AllChecked(collection));
            }
            else
            {
                this.AwaitedPending(value, state);
            }
        }

        /// <summary>A local holding a pre-check's Task, now awaited.</summary>
        private void AwaitedPending(IOperation value, FlowState state)
        {
            if (AccessPath.Of(value, this.Captured)?.Variable is not { } variable)
            {
                return;
            }

            foreach (Fact pending in state.Facts.Where(f => f.Kind == FactKind.PendingCheck && SymbolEqualityComparer.Default.Equals(f.Variable, variable)).ToArray())
            {
                state.Facts.Remove(pending);
                state.AddChecked(pending.Path!, pending.Client);
            }
        }

        /// <summary>
        /// An awaited call of anything else: a helper of this compilation that checks its parameters on every path
        /// (its summary), a helper given a lambda that checks captured targets on every path (a retry wrapper), or a
        /// wait for a task this function started (the target may be started again without a new check).
        /// </summary>
        private void AwaitedHelper(IInvocationOperation call, FlowState state)
        {
            foreach (Fact fact in this.context.SummaryOf(call.TargetMethod, this.graph))
            {
                if (Bind(fact, call, this.Captured) is { } bound)
                {
                    Apply(bound, state);
                }
            }

            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (TaskCalls.LambdaOf(argument.Value) is { } lambda)
                {
                    foreach (Fact fact in this.LambdaSummary(lambda).Where(f => !MentionsLambdaOwn(f, lambda)))
                    {
                        Apply(fact, state);
                    }
                }
                else if (AccessPath.Of(argument.Value, this.Captured)?.Variable is { } variable)
                {
                    foreach (Fact started in state.Facts.Where(f => f.Kind == FactKind.Started && SymbolEqualityComparer.Default.Equals(f.Variable, variable)).ToArray())
                    {
                        state.AddChecked(started.Path!, started.Client);
                    }
                }
            }
        }

        private static void Apply(Fact fact, FlowState state)
        {
            if (fact.Kind == FactKind.Checked)
            {
                state.AddChecked(fact.Path!, fact.Client);
            }
            else
            {
                state.Facts.Add(fact);
            }
        }

        /// <summary>A summary fact about a method's parameters, restated for the arguments of this call; null when an argument is computed.</summary>
        private static Fact? Bind(Fact fact, IInvocationOperation call, System.Func<Microsoft.CodeAnalysis.FlowAnalysis.CaptureId, AccessPath?> captures)
        {
            AccessPath? Restate(AccessPath? path)
            {
                if (path is null)
                {
                    return null;
                }

                foreach (IArgumentOperation argument in call.Arguments)
                {
                    if (argument.Parameter is { } parameter && path.Replace(AccessPath.OfVariable(parameter.OriginalDefinition), AccessPath.Of(argument.Value, captures) ?? AccessPath.OfVariable(parameter)) is { } restated)
                    {
                        return restated.Mentions(parameter.OriginalDefinition) ? null : restated;
                    }
                }

                return null;
            }

            if (Restate(fact.Path) is not { } target)
            {
                return null;
            }

            return fact.Kind == FactKind.AllChecked ? Fact.AllChecked(target) : Fact.Checked(target, Restate(fact.Client));
        }

        private bool LambdaChecksItsParameter(IFlowAnonymousFunctionOperation lambda)
        {
            AccessPath parameter = AccessPath.OfVariable(lambda.Symbol.Parameters[0]);
            return this.LambdaSummary(lambda).Any(f => f.Kind == FactKind.Checked && f.Path!.Equals(parameter));
        }

        /// <summary>What a lambda's body has checked on every path when it returns (a returned check counts: the caller awaits it).</summary>
        private IReadOnlyCollection<Fact> LambdaSummary(IFlowAnonymousFunctionOperation lambda)
        {
            if (this.context.EnterNested())
            {
                try
                {
                    FunctionFlow body = Run(this.graph.GetAnonymousFunctionControlFlowGraph(lambda, this.context.CancellationToken), FlowState.Empty, this.context);
                    return body.AtExit?.Where(f => f.Kind is FactKind.Checked or FactKind.AllChecked).ToArray() ?? System.Array.Empty<Fact>();
                }
                finally
                {
                    this.context.LeaveNested();
                }
            }

            return System.Array.Empty<Fact>();
        }

        /// <summary>A fact about the lambda's own parameters or locals means nothing outside it.</summary>
        private static bool MentionsLambdaOwn(Fact fact, IFlowAnonymousFunctionOperation lambda)
        {
            IEnumerable<ISymbol> own = lambda.Symbol.Parameters;
            return own.Any(fact.Mentions) || (fact.Path?.Root is ILocalSymbol local && lambda.Syntax.Span.Contains(local.DeclaringSyntaxReferences.FirstOrDefault()?.Span ?? default));
        }
    }
}
