using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// ESX0004: <c>.Result</c>, <c>.Wait()</c> or <c>.GetAwaiter().GetResult()</c> directly on the Task of a raw
    /// starter, a wrapper, the task runner or the pre-check. Only direct receivers are flagged: a Task kept in a
    /// variable may have completed already.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class BlockingTaskAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: how the task is blocked on (Result, Wait or GetResult), for the code fix.</summary>
        public const string BlockingFormProperty = "BlockingForm";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.BlockingOnTask);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? task = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
                INamedTypeSymbol? taskOfT = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
                if (TaskSymbols.Create(start.Compilation) is not { } symbols || task is null || taskOfT is null)
                {
                    return;
                }

                start.RegisterOperationAction(c => AnalyzeResult(c, symbols, taskOfT), OperationKind.PropertyReference);
                start.RegisterOperationAction(c => AnalyzeCall(c, symbols, task, taskOfT), OperationKind.Invocation);
            });
        }

        private static void AnalyzeResult(OperationAnalysisContext context, TaskSymbols symbols, INamedTypeSymbol taskOfT)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Property.Name == "Result"
                && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType.OriginalDefinition, taskOfT)
                && TaskCall(reference.Instance, symbols) is { } call)
            {
                Report(context, ".Result", call, "Result");
            }
        }

        private static void AnalyzeCall(OperationAnalysisContext context, TaskSymbols symbols, INamedTypeSymbol task, INamedTypeSymbol taskOfT)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (method.Name == "Wait" && method.Parameters.IsEmpty && IsTaskType(method.ContainingType, task, taskOfT) && TaskCall(invocation.Instance, symbols) is { } waited)
            {
                Report(context, ".Wait()", waited, "Wait");
            }
            else if (method.Name == "GetResult" && method.Parameters.IsEmpty
                && invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter
                && TaskCall(getAwaiter.Instance, symbols) is { } awaited)
            {
                Report(context, ".GetAwaiter().GetResult()", awaited, "GetResult");
            }
        }

        /// <summary>The task API call that produced <paramref name="instance"/> (through conversions and ConfigureAwait).</summary>
        private static IInvocationOperation? TaskCall(IOperation? instance, TaskSymbols symbols)
        {
            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            if (instance is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure)
            {
                return TaskCall(configure.Instance, symbols);
            }

            return instance is IInvocationOperation call && symbols.RoleOf(call.TargetMethod) != MethodRole.None ? call : null;
        }

        private static bool IsTaskType(INamedTypeSymbol type, INamedTypeSymbol task, INamedTypeSymbol taskOfT)
            => SymbolEqualityComparer.Default.Equals(type, task) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, taskOfT);

        private static void Report(OperationAnalysisContext context, string form, IInvocationOperation call, string property) => context.ReportDiagnostic(Diagnostic.Create(
            AnalyzerDescriptors.BlockingOnTask,
            context.Operation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(BlockingFormProperty, property),
            form,
            call.TargetMethod.Name));
    }
}
