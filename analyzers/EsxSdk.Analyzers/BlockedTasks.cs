using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// Which task API calls a blocking wait blocks on: the Task it is called on, through conversions,
    /// <c>ConfigureAwait</c>, <c>Task.WhenAll</c>/<c>WhenAny</c> and locals; or the tasks given to <c>Task.WaitAll</c>/<c>WaitAny</c>.
    /// </summary>
    internal sealed class BlockedTasks
    {
        private readonly TaskSymbols symbols;
        private readonly INamedTypeSymbol task;
        private readonly INamedTypeSymbol taskOfT;

        public BlockedTasks(TaskSymbols symbols, INamedTypeSymbol task, INamedTypeSymbol taskOfT)
        {
            this.symbols = symbols;
            this.task = task;
            this.taskOfT = taskOfT;
        }

        public bool IsTaskType(ITypeSymbol? type)
            => SymbolEqualityComparer.Default.Equals(type, this.task) || SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, this.taskOfT);

        /// <summary><c>Task.WhenAll</c>, <c>WhenAny</c>, <c>WaitAll</c> or <c>WaitAny</c>: a static method of Task combining tasks.</summary>
        public bool IsCombinator(IMethodSymbol method, string name)
            => method.IsStatic && method.Name == name && SymbolEqualityComparer.Default.Equals(method.ContainingType, this.task);

        /// <summary>The first task API call the Task <paramref name="value"/> comes from, or null when it comes from anything else.</summary>
        public IInvocationOperation? SourceOf(IOperation value) => this.SourceOf(value, followLocals: true);

        /// <summary>The first task API call among <paramref name="tasks"/> (a combinator's elements).</summary>
        public IInvocationOperation? FirstSource(IEnumerable<IOperation> tasks, bool followLocals = true)
            => tasks.Select(t => this.SourceOf(t, followLocals)).FirstOrDefault(c => c is not null);

        /// <summary>Without <paramref name="followLocals"/> a local gives none: a local's writes are read so, which keeps <c>t = t</c> finite.</summary>
        private IInvocationOperation? SourceOf(IOperation value, bool followLocals)
        {
            switch (TaskCollections.Strip(value))
            {
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured }:
                    return this.SourceOf(configured, followLocals);
                case IInvocationOperation call when this.symbols.RoleOf(call.TargetMethod) != MethodRole.None:
                    return call;
                case IInvocationOperation combined when this.IsCombinator(combined.TargetMethod, "WhenAll") || this.IsCombinator(combined.TargetMethod, "WhenAny"):
                    return this.FirstSource(TaskCollections.Elements(combined), followLocals);
                case ILocalReferenceOperation local when followLocals:
                    return this.LocalSource(local);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The blocking operation that consumes <paramref name="value"/> (a Task): <c>.Wait(...)</c>, <c>.Result</c>,
        /// <c>.GetAwaiter().GetResult()</c>, <c>Task.WaitAll/WaitAny</c>, or one of those on a <c>WhenAll/WhenAny</c> of it.
        /// </summary>
        public IOperation? BlockingConsumer(IOperation value)
        {
            IOperation current = value;
            while (current.Parent is IConversionOperation or IParenthesizedOperation || current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } c && c.Instance == current)
            {
                current = current.Parent!;
            }

            switch (current.Parent)
            {
                case IInvocationOperation { TargetMethod.Name: "Wait" } wait when wait.Instance == current && this.IsTaskType(wait.TargetMethod.ContainingType):
                    return wait;
                case IPropertyReferenceOperation { Property.Name: "Result" } result when result.Instance == current && this.IsTaskType(result.Property.ContainingType):
                    return result;
                case IInvocationOperation { TargetMethod.Name: "GetAwaiter", Parent: IInvocationOperation { TargetMethod.Name: "GetResult" } getResult } getAwaiter
                    when getAwaiter.Instance == current && getResult.Instance == getAwaiter:
                    return getResult;
            }

            if (TaskCollections.HolderOf(current) is not { } combinator)
            {
                return null;
            }

            return this.IsCombinator(combinator.TargetMethod, "WaitAll") || this.IsCombinator(combinator.TargetMethod, "WaitAny") ? combinator
                : this.IsCombinator(combinator.TargetMethod, "WhenAll") || this.IsCombinator(combinator.TargetMethod, "WhenAny") ? this.BlockingConsumer(combinator)
                : null;
        }

        /// <summary>
        /// A local's Task is followed back when every write to it is a task API call and every read blocks on it
        /// (another read may await it, test IsCompleted or hand it on: silence); only the first read in the code is
        /// reported, since the later ones find the task complete.
        /// </summary>
        private IInvocationOperation? LocalSource(ILocalReferenceOperation read)
        {
            ILocalSymbol local = read.Local;
            if (local.RefKind != RefKind.None)
            {
                return null;
            }

            IInvocationOperation? first = null;
            ILocalReferenceOperation? firstRead = null;
            foreach (IOperation operation in TaskFlow.Root(read).Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (declarator.Initializer is { } initializer)
                        {
                            if (this.SourceOf(initializer.Value, followLocals: false) is not { } call)
                            {
                                return null;
                            }

                            first ??= call;
                        }
                        else if (declarator.Parent is not IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation })
                        {
                            // A foreach variable, or another declaration that assigns without an initializer.
                            return null;
                        }

                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                        {
                            if (assignment.IsRef || this.SourceOf(assignment.Value, followLocals: false) is not { } call)
                            {
                                return null;
                            }

                            first ??= call;
                        }
                        else if (reference.IsDeclaration || this.BlockingConsumer(reference) is null)
                        {
                            return null;
                        }
                        else if (firstRead is null || reference.Syntax.SpanStart < firstRead.Syntax.SpanStart)
                        {
                            firstRead = reference;
                        }

                        break;
                }
            }

            return firstRead == read ? first : null;
        }
    }
}
