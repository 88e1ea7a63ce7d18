using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// ESX0002: the task reference a raw starter returns is discarded (an expression statement, <c>_ =</c>), kept in
    /// a local that no path after the write reads (never read, only awaited, or overwritten first: see
    /// <see cref="LocalValueFlow"/>), or given to <c>Task.WhenAll</c>/<c>WhenAny</c> whose result is so dropped. Any
    /// other use (returned, passed, stored, read) counts as waiting or handing on.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class TaskReferenceAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.TaskReferenceDropped);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (TaskSymbols.Create(start.Compilation) is { } symbols && start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task") is { } task)
                {
                    start.RegisterOperationAction(c => Analyze(c, symbols, task), OperationKind.Invocation);
                }
            });
        }

        private static void Analyze(OperationAnalysisContext context, TaskSymbols symbols, INamedTypeSymbol task)
        {
            var call = (IInvocationOperation)context.Operation;
            if (symbols.RoleOf(call.TargetMethod) != MethodRole.Starter
                || (context.ContainingSymbol is IMethodSymbol container && symbols.RoleOf(container) == MethodRole.Wrapper)
                || TaskFlow.IsInsideRunnerDelegate(call, symbols))
            {
                return;
            }

            var dropped = new DroppedValues(context);
            string? how = dropped.How(call);
            if (how is null && TaskCollections.HolderOf(TaskFlow.OutermostValue(call)) is { } holder && IsWhenAllOrAny(holder.TargetMethod, task))
            {
                // Task.WhenAll(start(a), start(b)): the references travel in its result; dropping that drops them all.
                how = dropped.How(holder);
            }

            if (how is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    AnalyzerDescriptors.TaskReferenceDropped,
                    call.Syntax.GetLocation(),
                    call.TargetMethod.Name,
                    how,
                    symbols.OperationOf(call.TargetMethod) ?? call.TargetMethod.Name));
            }
        }

        private static bool IsWhenAllOrAny(IMethodSymbol method, INamedTypeSymbol task)
            => method.IsStatic && method.Name is "WhenAll" or "WhenAny" && SymbolEqualityComparer.Default.Equals(method.ContainingType, task);
    }
}
