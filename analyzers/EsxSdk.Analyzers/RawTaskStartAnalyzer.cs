using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EsxSdk.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// ESX0001: a raw starter (<c>[VimTaskStarter]</c>, e.g. <c>PowerOnVMTaskAsync</c>) called where not every path to
    /// it has awaited a pre-check of each of its targets (the same storage, through the same client) since the target
    /// was last written or started. Start delegates handed to a runner, and the wrappers themselves, are left alone.
    /// The flow analysis runs per function that holds a starter, once (see <see cref="PrecheckAnalysis"/>).
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class RawTaskStartAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the name of the question-aware wrapper of the same operation, when the binding has one.</summary>
        public const string WrapperNameProperty = "WrapperName";

        /// <summary>Diagnostic property: the parameter name of the target the diagnostic is about.</summary>
        public const string TargetParameterProperty = "TargetParameter";

        /// <summary>Diagnostic property: present when the target is a collection whose every element needs a check.</summary>
        public const string CollectionTargetProperty = "CollectionTarget";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.RawTaskStartWithoutPrecheck);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (TaskSymbols.Create(start.Compilation) is not { } symbols)
                {
                    return;
                }

                var summaries = new FlowSummaries(start.Compilation, symbols);
                start.RegisterOperationBlockStartAction(block =>
                {
                    if (block.OwningSymbol is IMethodSymbol owner && symbols.RoleOf(owner) == MethodRole.Wrapper)
                    {
                        return;
                    }

                    var starts = new List<IInvocationOperation>();
                    block.RegisterOperationAction(
                        c =>
                        {
                            var call = (IInvocationOperation)c.Operation;
                            if (symbols.RoleOf(call.TargetMethod) == MethodRole.Starter && !IsRunnersBusiness(call, symbols))
                            {
                                lock (starts)
                                {
                                    starts.Add(call);
                                }
                            }
                        },
                        OperationKind.Invocation);
                    block.RegisterOperationBlockEndAction(end => Report(end, starts, summaries));
                });
            });
        }

        /// <summary>A call inside a lambda or local function handed to a runner (a start delegate): the runner checks first.</summary>
        private static bool IsRunnersBusiness(IInvocationOperation call, TaskSymbols symbols) => TaskFlow.IsInsideRunnerDelegate(call, symbols);

        private static void Report(OperationBlockAnalysisContext context, List<IInvocationOperation> starts, FlowSummaries summaries)
        {
            if (starts.Count == 0)
            {
                return;
            }

            FlowContext flow = summaries.For(context.CancellationToken);
            foreach (IOperation block in context.OperationBlocks)
            {
                IInvocationOperation[] inBlock = starts.Where(s => block.Syntax.Span.Contains(s.Syntax.Span)).ToArray();
                if (inBlock.Length == 0 || !HasGraph(block))
                {
                    continue;
                }

                ControlFlowGraph graph = context.GetControlFlowGraph(block);
                Dictionary<SyntaxNode, FlowState> states = PrecheckAnalysis.StatesBefore(graph, inBlock.Select(s => s.Syntax).ToArray(), flow);
                foreach (IInvocationOperation call in inBlock)
                {
                    if (states.TryGetValue(call.Syntax, out FlowState? before) && UncheckedTarget(call, before, summaries.Symbols) is { } missing)
                    {
                        context.ReportDiagnostic(Create(call, missing, summaries.Symbols));
                    }
                }
            }
        }

        /// <summary>Bodies and initializers have a control flow graph (attribute arguments, for one, do not).</summary>
        private static bool HasGraph(IOperation block) => block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

        /// <summary>The first target of the call without a check on every path, or null when all are checked.</summary>
        private static StarterTarget? UncheckedTarget(IInvocationOperation call, FlowState before, TaskSymbols symbols)
        {
            AccessPath? client = TaskCalls.StarterClient(call, before, _ => null, symbols);
            foreach (StarterTarget target in TaskCalls.StarterTargets(call, symbols))
            {
                if (!IsChecked(target, client, before))
                {
                    return target;
                }
            }

            return null;
        }

        private static bool IsChecked(StarterTarget target, AccessPath? client, FlowState before)
        {
            IOperation value = TaskCalls.Strip(target.Argument.Value);
            if (!target.IsCollection)
            {
                return AccessPath.Of(value) is { } path && before.IsChecked(path, client);
            }

            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues.All(e => AccessPath.Of(e) is { } element && before.IsChecked(element, client));
            }

            return AccessPath.Of(value) is { } collection && before.IsAllChecked(collection);
        }

        private static Diagnostic Create(IInvocationOperation call, StarterTarget target, TaskSymbols symbols)
        {
            string? operation = symbols.OperationOf(call.TargetMethod);
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                .Add(TargetParameterProperty, target.Argument.Parameter?.Name);
            if (target.IsCollection)
            {
                properties = properties.Add(CollectionTargetProperty, "true");
            }

            if (operation is not null && symbols.WrapperFor(call.TargetMethod.ContainingType, operation) is { } wrapper)
            {
                properties = properties.Add(WrapperNameProperty, wrapper.Name);
            }

            return Diagnostic.Create(
                AnalyzerDescriptors.RawTaskStartWithoutPrecheck,
                call.Syntax.GetLocation(),
                properties,
                call.TargetMethod.Name,
                operation ?? call.TargetMethod.Name,
                target.Argument.Value.Syntax.ToString());
        }
    }
}
