using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>What each operation of a block does to the facts.</summary>
    internal sealed partial class FunctionFlow
    {
        private (ImmutableHashSet<Fact>? Conditional, ImmutableHashSet<Fact>? FallThrough) Transfer(BasicBlock block, ImmutableHashSet<Fact> start)
        {
            var state = new FlowState(start);
            foreach (IOperation operation in block.Operations)
            {
                this.Visit(operation, state);
            }

            if (block.BranchValue is not { } branch)
            {
                return (null, state.ToImmutable());
            }

            this.Visit(branch, state);
            if (block.ConditionKind == ControlFlowConditionKind.None)
            {
                if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return && TaskCalls.Strip(branch) is not IAwaitOperation)
                {
                    // A returned Task (Task M() => client.EnsureNotBlockedAsync(p)) is awaited by whoever awaits M.
                    this.Awaited(branch, state);
                }

                return (null, state.ToImmutable());
            }

            bool jumpsWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            if (branch.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant == jumpsWhen ? (state.ToImmutable(), null) : (null, state.ToImmutable());
            }

            var jumped = new FlowState(state.Facts);
            var fell = new FlowState(state.Facts);
            if (FlagOf(branch) is { } flag)
            {
                jumped.AssumeFlag(flag.Variable, flag.Positive == jumpsWhen);
                fell.AssumeFlag(flag.Variable, flag.Positive != jumpsWhen);
            }
            else if (branch is IInvocationOperation { TargetMethod.Name: "MoveNext", Instance: IFlowCaptureReferenceOperation enumerator }
                     && this.enumerators.TryGetValue(enumerator.Id, out AccessPath? collection))
            {
                this.EndLoop(jumpsWhen ? fell : jumped, enumerator.Id, collection);
            }

            return (jumped.ToImmutable(), fell.ToImmutable());
        }

        /// <summary>A boolean local or parameter, or its negation, as a branch condition.</summary>
        private static (ISymbol Variable, bool Positive)? FlagOf(IOperation condition)
        {
            bool positive = true;
            IOperation current = condition;
            while (true)
            {
                switch (current)
                {
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        positive = !positive;
                        current = not.Operand;
                        continue;
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        continue;
                    case ILocalReferenceOperation local:
                        return (local.Local, positive);
                    case IParameterReferenceOperation parameter:
                        return (parameter.Parameter, positive);
                    default:
                        return null;
                }
            }
        }

        /// <summary>A foreach ended by running out of elements: if it checked every element, the whole collection is checked.</summary>
        private void EndLoop(FlowState exit, CaptureId enumerator, AccessPath collection)
        {
            bool everyElement = exit.Facts.Contains(Fact.Loop(collection, enumerator, null));
            exit.Facts.RemoveWhere(f => f.Kind == FactKind.Loop && Equals(f.Capture, enumerator));
            if (everyElement)
            {
                exit.Facts.Add(Fact.AllChecked(collection));
            }
        }

        /// <summary>Children first (their values are computed before the operation that uses them), then the operation.</summary>
        private void Visit(IOperation operation, FlowState state)
        {
            if (operation is IFlowAnonymousFunctionOperation)
            {
                return;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                this.Visit(child, state);
            }

            switch (operation)
            {
                case IInvocationOperation call:
                    this.Called(call, state);
                    break;
                case IAwaitOperation awaited:
                    this.Awaited(awaited.Operation, state);
                    break;
                case ISimpleAssignmentOperation assignment:
                    this.Assigned(assignment.Target, assignment.Value, state);
                    break;
                case ICompoundAssignmentOperation compound:
                    KillWritten(compound.Target, state);
                    break;
                case ICoalesceAssignmentOperation coalesce:
                    KillWritten(coalesce.Target, state);
                    break;
                case IIncrementOrDecrementOperation increment:
                    KillWritten(increment.Target, state);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (IOperation target in deconstruction.Target.DescendantsAndSelf())
                    {
                        KillWritten(target, state);
                    }

                    break;
                case IIsPatternOperation { Pattern: IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol bound } } declaration:
                    this.Bound(bound, declaration.Value, state);
                    break;
                case IIsPatternOperation { Pattern: IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol bound } } recursive:
                    this.Bound(bound, recursive.Value, state);
                    break;
                case IFlowCaptureOperation capture when this.enumerators.TryGetValue(capture.Id, out AccessPath? collection):
                    // A foreach starts (again): nothing visited yet, so "every element so far" holds.
                    state.Facts.RemoveWhere(f => f.Kind == FactKind.Loop && Equals(f.Capture, capture.Id));
                    state.Facts.Add(Fact.Loop(collection, capture.Id, null));
                    break;
            }
        }

        private void Called(IInvocationOperation call, FlowState state)
        {
            MethodRole role = this.context.Symbols.RoleOf(call.TargetMethod);
            if (role == MethodRole.Starter)
            {
                this.atStarters[call.Syntax] = state.ToImmutable();
                foreach (StarterTarget target in TaskCalls.StarterTargets(call, this.context.Symbols))
                {
                    if (!target.IsCollection && AccessPath.Of(target.Argument.Value, this.Captured) is { } path)
                    {
                        state.Consume(path);
                    }
                }
            }
            else if (call.TargetMethod.MethodKind == MethodKind.LocalFunction)
            {
                var atCall = new FlowState(state.Facts);
                foreach (IArgumentOperation argument in call.Arguments)
                {
                    if (argument.Parameter is { } parameter && AccessPath.Of(argument.Value, this.Captured) is { } path)
                    {
                        // Restated for the parameter too: calls with different arguments then still agree on it.
                        AccessPath bound = AccessPath.OfVariable(parameter);
                        foreach (AccessPath alias in state.Aliases(path))
                        {
                            foreach (Fact fact in state.Facts.Where(f => f.Kind is FactKind.Checked or FactKind.AllChecked && alias.Equals(f.Path)).ToArray())
                            {
                                atCall.Facts.Add(fact.Kind == FactKind.Checked ? Fact.Checked(bound, fact.Client) : Fact.AllChecked(bound));
                            }
                        }

                        if (!atCall.Facts.Any(f => f.Kind is FactKind.Checked or FactKind.AllChecked && bound.Equals(f.Path)) && state.IsChecked(path, null))
                        {
                            // Checked as an element of a checked collection: the client is not recorded there.
                            atCall.Facts.Add(Fact.Checked(bound, null));
                        }

                        atCall.Facts.Add(Fact.Copy(parameter, path));
                    }
                }

                IMethodSymbol function = call.TargetMethod.OriginalDefinition;
                if (!this.localCalls.TryGetValue(function, out List<ImmutableHashSet<Fact>>? calls))
                {
                    this.localCalls[function] = calls = new List<ImmutableHashSet<Fact>>();
                }

                calls.Add(atCall.ToImmutable());
            }

            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
                {
                    KillWritten(argument.Value, state);
                }
            }
        }

        private void Assigned(IOperation target, IOperation value, FlowState state)
        {
            KillWritten(target, state);
            ISymbol? variable = target switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (variable is null)
            {
                return;
            }

            IOperation source = TaskCalls.Strip(value);
            if (source is IAwaitOperation { Operation: { } awaited } && TaskCalls.Strip(awaited) is IInvocationOperation started
                && this.context.Symbols.RoleOf(started.TargetMethod) == MethodRole.Starter)
            {
                AccessPath? client = TaskCalls.StarterClient(started, state, this.Captured, this.context.Symbols);
                foreach (StarterTarget each in TaskCalls.StarterTargets(started, this.context.Symbols))
                {
                    if (!each.IsCollection && AccessPath.Of(each.Argument.Value, this.Captured) is { } path)
                    {
                        state.Facts.Add(Fact.Started(variable, path, client));
                    }
                }
            }
            else if (source is IInvocationOperation check && this.context.Symbols.RoleOf(check.TargetMethod) == MethodRole.Precheck)
            {
                if (this.CheckOf(check) is { } pending)
                {
                    state.Facts.Add(Fact.PendingCheck(variable, pending.Target, pending.Client));
                }
            }
            else if (source is IPropertyReferenceOperation { Property.Name: "Current", Instance: IFlowCaptureReferenceOperation enumerator }
                     && this.enumerators.TryGetValue(enumerator.Id, out AccessPath? collection))
            {
                state.Facts.Add(Fact.ElementOf(variable, collection));
                if (state.Facts.Remove(Fact.Loop(collection, enumerator.Id, null)))
                {
                    state.Facts.Add(Fact.Loop(collection, enumerator.Id, variable));
                }
            }
            else if (AccessPath.Of(value, this.Captured) is { } copied && !copied.Mentions(variable))
            {
                state.Facts.Add(Fact.Copy(variable, copied));
            }
        }

        /// <summary><c>x is { } copy</c>: the pattern's variable holds what <c>x</c> does.</summary>
        private void Bound(ILocalSymbol variable, IOperation value, FlowState state)
        {
            state.Kill(variable);
            if (AccessPath.Of(value, this.Captured) is { } source && !source.Mentions(variable))
            {
                state.Facts.Add(Fact.Copy(variable, source));
            }
        }

        /// <summary>A write to a variable, field, property or element: facts naming it are stale.</summary>
        private static void KillWritten(IOperation target, FlowState state)
        {
            ISymbol? written = target switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property,
                IPropertyReferenceOperation indexer => AccessPath.Of(indexer.Instance) is { } list ? list.LastMember ?? list.Root : null,
                IArrayElementReferenceOperation element => AccessPath.Of(element.ArrayReference) is { } array ? array.LastMember ?? array.Root : null,
                _ => null,
            };
            if (written is not null)
            {
                state.Kill(written);
            }
        }

        /// <summary>The target and client of a pre-check call, when the target names storage.</summary>
        private (AccessPath Target, AccessPath? Client)? CheckOf(IInvocationOperation check)
        {
            if (TaskCalls.PrecheckTarget(check) is { } argument && AccessPath.Of(argument.Value, this.Captured) is { } target)
            {
                return (target, TaskCalls.PrecheckClient(check, this.context.Symbols) is { } client ? AccessPath.Of(client, this.Captured) : null);
            }

            return null;
        }
    }
}
