using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// ESX0004: a thread blocks on the Task of a raw starter, a wrapper, the task runner or the pre-check:
    /// <c>.Result</c>, any <c>.Wait(...)</c>, <c>.GetAwaiter().GetResult()</c> or <c>Task.WaitAll/WaitAny</c>, on the
    /// call itself, on <c>Task.WhenAll/WhenAny</c> of such calls, or on a local holding one (see <see cref="BlockedTasks"/>).
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class BlockingTaskAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: how the task is blocked on, for the code fix (one of the <c>Form*</c> values).</summary>
        public const string BlockingFormProperty = "BlockingForm";

        public const string FormResult = "Result";
        public const string FormWait = "Wait";
        public const string FormGetResult = "GetResult";

        /// <summary><c>Wait(CancellationToken)</c>: <c>await t.WaitAsync(token)</c> keeps the cancellation.</summary>
        public const string FormWaitWithToken = "WaitWithToken";

        /// <summary><c>Wait(timeout[, token])</c> returns whether the task ended in time: no rewrite keeps that, no fix.</summary>
        public const string FormWaitWithTimeout = "WaitWithTimeout";

        /// <summary><c>Task.WaitAll(tasks)</c> without timeout or token: <c>await Task.WhenAll(tasks)</c>.</summary>
        public const string FormWaitAll = "WaitAll";

        /// <summary><c>Task.WaitAll</c> with a timeout or token, or <c>Task.WaitAny</c> (returns an index): no fix.</summary>
        public const string FormOtherCombinator = "OtherCombinator";

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

                var blocked = new BlockedTasks(symbols, task, taskOfT);
                start.RegisterOperationAction(c => Analyze(c, blocked), OperationKind.PropertyReference, OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, BlockedTasks blocked)
        {
            (string form, string property, IInvocationOperation? source) = context.Operation switch
            {
                IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } result when blocked.IsTaskType(result.Property.ContainingType)
                    => (".Result", FormResult, blocked.SourceOf(task)),
                IInvocationOperation { TargetMethod.Name: "Wait", Instance: { } task } wait when blocked.IsTaskType(wait.TargetMethod.ContainingType)
                    => Wait(wait.TargetMethod, blocked.SourceOf(task)),
                IInvocationOperation { TargetMethod.Name: "GetResult", TargetMethod.Parameters.IsEmpty: true, Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } task } }
                    => (".GetAwaiter().GetResult()", FormGetResult, blocked.SourceOf(task)),
                IInvocationOperation waitAll when blocked.IsCombinator(waitAll.TargetMethod, "WaitAll")
                    => ("Task.WaitAll(...)", IsPlainWaitAll(waitAll) ? FormWaitAll : FormOtherCombinator, blocked.FirstSource(TaskCollections.Elements(waitAll))),
                IInvocationOperation waitAny when blocked.IsCombinator(waitAny.TargetMethod, "WaitAny")
                    => ("Task.WaitAny(...)", FormOtherCombinator, blocked.FirstSource(TaskCollections.Elements(waitAny))),
                _ => (string.Empty, string.Empty, null),
            };
            if (source is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    AnalyzerDescriptors.BlockingOnTask,
                    context.Operation.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(BlockingFormProperty, property),
                    form,
                    source.TargetMethod.Name));
            }
        }

        private static (string Form, string Property, IInvocationOperation? Source) Wait(IMethodSymbol wait, IInvocationOperation? source)
            => wait.Parameters.Length == 0 ? (".Wait()", FormWait, source)
            : wait.Parameters.Length == 1 && wait.Parameters[0].Type.Name == "CancellationToken" ? (".Wait(...)", FormWaitWithToken, source)
            : (".Wait(...)", FormWaitWithTimeout, source);

        /// <summary>The overloads taking only the tasks (a token parameter left at its default counts as absent).</summary>
        private static bool IsPlainWaitAll(IInvocationOperation waitAll)
            => waitAll.TargetMethod.ReturnsVoid && waitAll.Arguments.All(a => a.Parameter?.Ordinal == 0 || a.ArgumentKind == ArgumentKind.DefaultValue);
    }
}
