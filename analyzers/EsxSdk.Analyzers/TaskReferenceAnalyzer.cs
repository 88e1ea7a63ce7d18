using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// ESX0002: the task reference a raw starter returns is discarded (an expression statement, <c>_ =</c>) or kept
    /// in a local that is never read. Any other use (returned, passed, stored, read) counts as waiting or handing on.
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
                || TaskFlow.IsInsideRunnerDelegate(call, symbols))
            {
                return;
            }

            if (HowDropped(call, followLocals: true) is { } how)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    AnalyzerDescriptors.TaskReferenceDropped,
                    call.Syntax.GetLocation(),
                    call.TargetMethod.Name,
                    how,
                    symbols.OperationOf(call.TargetMethod) ?? call.TargetMethod.Name));
            }
        }

        /// <summary>How the value is dropped ("discarded", "kept in 'x' and never read"), or null when it goes somewhere.</summary>
        private static string? HowDropped(IOperation value, bool followLocals)
        {
            IOperation outermost = TaskFlow.OutermostValue(value);
            switch (outermost.Parent)
            {
                case IExpressionStatementOperation:
                case ISimpleAssignmentOperation { Target: IDiscardOperation } discard when discard.Value == outermost:
                    return "discarded";
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when followLocals:
                    return HowLocalIsDropped(declarator.Symbol, TaskFlow.Root(value));
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when followLocals && assignment.Value == outermost:
                    return HowLocalIsDropped(local.Local, TaskFlow.Root(value));
                default:
                    return null;
            }
        }

        /// <summary>
        /// A local is dropped when it is never read, or when every read only awaits it and discards the result
        /// (<c>var t = XTaskAsync(vm); await t;</c>).
        /// </summary>
        private static string? HowLocalIsDropped(ILocalSymbol local, IOperation root)
        {
            ILocalReferenceOperation[] reads = root.Descendants()
                .OfType<ILocalReferenceOperation>()
                .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local) && !r.IsDeclaration && !IsAssignedTo(r))
                .ToArray();
            if (reads.Length == 0)
            {
                return "kept in '" + local.Name + "' and never read";
            }

            return reads.All(r => HowDropped(r, followLocals: false) is not null) ? "kept in '" + local.Name + "' and then discarded" : null;
        }

        private static bool IsAssignedTo(ILocalReferenceOperation reference)
            => reference.Parent is IAssignmentOperation assignment && assignment.Target == reference && assignment is not ICompoundAssignmentOperation;
    }
}
