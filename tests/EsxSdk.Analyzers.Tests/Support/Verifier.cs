using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EsxSdk.Analyzers.Tests.Support
{
    /// <summary>Runs one analyzer (and optionally one code fix) on markup sources: <c>{|#0:...|}</c> marks expected spans.</summary>
    internal static class Verifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, new TAnalyzer().SupportedDiagnostics[0].DefaultSeverity);

        public static Task AnalyzeAsync(string source, params DiagnosticResult[] expected)
            => AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, source, expected);

        /// <summary>As above, for a program (<see cref="OutputKind.ConsoleApplication"/>: top-level statements) or a library.</summary>
        public static Task AnalyzeAsync(OutputKind kind, string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest { TestCode = source };
            test.TestState.OutputKind = kind;
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Applies the fix with <paramref name="equivalenceKey"/> (to every diagnostic, for FixAll); <paramref name="fixedSource"/> equal to the source means no such fix is offered.</summary>
        public static Task FixAsync<TCodeFix>(string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
            where TCodeFix : CodeFixProvider, new()
            => FixAsync<TCodeFix>(OutputKind.DynamicallyLinkedLibrary, source, fixedSource, equivalenceKey, expected);

        /// <summary>As above, for a program (<see cref="OutputKind.ConsoleApplication"/>: top-level statements) or a library.</summary>
        public static Task FixAsync<TCodeFix>(OutputKind kind, string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            test.TestState.OutputKind = kind;
            test.ExpectedDiagnostics.AddRange(expected);
            if (fixedSource == source)
            {
                test.FixedState.ExpectedDiagnostics.AddRange(expected);
            }

            return test.RunAsync();
        }

        /// <summary>Applies the fix where it is offered; <paramref name="remaining"/> are the diagnostics the fixed source still has (no fix for them).</summary>
        public static Task FixSomeAsync<TCodeFix>(string source, string fixedSource, string equivalenceKey, DiagnosticResult[] expected, params DiagnosticResult[] remaining)
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
            return test.RunAsync();
        }

        /// <summary>Applies the fix once per diagnostic and through FixAll (document, project, solution) alike.</summary>
        public static Task FixAllAsync<TCodeFix>(string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            test.ExpectedDiagnostics.AddRange(expected);
            test.NumberOfIncrementalIterations = expected.Length;
            test.NumberOfFixAllIterations = 1;
            return test.RunAsync();
        }

        /// <summary>
        /// As <see cref="FixAllAsync{TCodeFix}(string, string, string, DiagnosticResult[])"/> where <paramref name="fixes"/> of the
        /// diagnostics have a fix, with the diagnostics the fixed source has (its markup).
        /// </summary>
        public static Task FixAllAsync<TCodeFix>(string source, string fixedSource, string equivalenceKey, int fixes, DiagnosticResult[] expected, params DiagnosticResult[] remaining)
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
            test.NumberOfIncrementalIterations = fixes;
            test.NumberOfFixAllIterations = 1;
            return test.RunAsync();
        }

        private sealed class AnalyzerTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public AnalyzerTest()
            {
                this.ReferenceAssemblies = TestReferences.None;
                TestReferences.AddTo(this.TestState);
            }
        }

        private sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
            where TCodeFix : CodeFixProvider, new()
        {
            public CodeFixTest()
            {
                this.ReferenceAssemblies = TestReferences.None;
                TestReferences.AddTo(this.TestState);
            }
        }
    }
}
