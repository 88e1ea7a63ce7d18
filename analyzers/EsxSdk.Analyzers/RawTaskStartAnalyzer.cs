using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// ESX0001: a raw starter (<c>[VimTaskStarter]</c>, e.g. <c>PowerOnVMTaskAsync</c>) called without a pre-check of
    /// the same target earlier on every path of the same function. Start delegates (a lambda returning the starter's
    /// task, as handed to <c>RunTaskAsync</c>) and the wrappers themselves are left alone.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class RawTaskStartAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the name of the question-aware wrapper of the same operation, when the binding has one.</summary>
        public const string WrapperNameProperty = "WrapperName";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.RawTaskStartWithoutPrecheck);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (TaskSymbols.Create(start.Compilation) is { } symbols)
                {
                    start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation);
                }
            });
        }

        private static void Analyze(OperationAnalysisContext context, TaskSymbols symbols)
        {
            var call = (IInvocationOperation)context.Operation;
            if (symbols.RoleOf(call.TargetMethod) != MethodRole.Starter
                || (context.ContainingSymbol is IMethodSymbol container && symbols.RoleOf(container) == MethodRole.Wrapper)
                || TaskFlow.IsStartDelegateResult(call)
                || TaskFlow.IsInsideRunnerDelegate(call, symbols)
                || TaskFlow.TargetArgument(call) is not { } targetArgument)
            {
                return;
            }

            ExpressionSyntax? target = TaskFlow.StableTarget(targetArgument);
            if (target is not null)
            {
                SyntaxNode[] prechecks = TaskFlow.Invocations(TaskFlow.Root(call))
                    .Where(i => symbols.RoleOf(i.TargetMethod) == MethodRole.Precheck)
                    .Where(i => TaskFlow.TargetArgument(i) is { } a && TaskFlow.StableTarget(a) is { } checkedTarget && TaskFlow.SameTarget(target, checkedTarget))
                    .Select(i => i.Syntax)
                    .ToArray();
                if (prechecks.Length > 0 && PrecheckDominance.AnyDominates(context.GetControlFlowGraph(), call.Syntax, prechecks))
                {
                    return;
                }
            }

            string? operation = symbols.OperationOf(call.TargetMethod);
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
            if (operation is not null && symbols.WrapperFor(call.TargetMethod.ContainingType, operation) is { } wrapper)
            {
                properties = properties.Add(WrapperNameProperty, wrapper.Name);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                AnalyzerDescriptors.RawTaskStartWithoutPrecheck,
                call.Syntax.GetLocation(),
                properties,
                call.TargetMethod.Name,
                operation ?? call.TargetMethod.Name,
                targetArgument.Value.Syntax.ToString()));
        }
    }
}
