using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// The analyzer benchmark's floor: an IInvocationOperation action that does nothing. Running it costs what any
    /// IOperation analyzer pays before its own code runs — the analyzer driver, semantic models, the operation trees.
    /// </summary>
    // Created by the benchmark, never loaded by a compiler: the rules for shipped analyzer assemblies (netstandard2.0,
    // extended analyzer rules, release tracking) do not apply.
#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyInvocationAnalyzer : DiagnosticAnalyzer
    {
        // Never reported; the driver skips an analyzer with no enabled diagnostic, so it must declare one.
        private static readonly DiagnosticDescriptor Unused = new(
            "BENCH0001", "Benchmark floor", "Never reported", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
