using System.Collections.Immutable;
using System.Linq;
using EsxSdk.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// ESX0003 (info): <c>auto_answer=1</c> written in a connection URI passed to the runtime (a <c>string uri</c>
    /// parameter of an EsxSdk method, e.g. <c>VimClient.ConnectAsync</c>, <c>VimConnectionUri.Parse</c>), or
    /// <c>QuestionPolicy.FromAutoAnswer(true)</c>: answering with defaults should be a visible, deliberate choice.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class AutoAnswerAnalyzer : DiagnosticAnalyzer
    {
        private const string Flag = "auto_answer=1";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.AutoAnswerEnabled);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? client = start.Compilation.GetTypeByMetadataName(RuntimeNames.Types.Client);
                INamedTypeSymbol? policy = start.Compilation.GetTypeByMetadataName(RuntimeNames.Types.QuestionPolicy);
                if (client is null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var (method, arguments) = c.Operation switch
                        {
                            IInvocationOperation i => (i.TargetMethod, i.Arguments),
                            IObjectCreationOperation o when o.Constructor is not null => (o.Constructor, o.Arguments),
                            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                        };
                        if (method is not null && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, client.ContainingAssembly))
                        {
                            Analyze(c, method, arguments, policy);
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? policy)
        {
            if (method.Name == RuntimeNames.Methods.FromAutoAnswer && SymbolEqualityComparer.Default.Equals(method.ContainingType, policy))
            {
                if (arguments.FirstOrDefault()?.Value.ConstantValue is { HasValue: true, Value: true })
                {
                    context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.AutoAnswerEnabled, context.Operation.Syntax.GetLocation(), "QuestionPolicy.FromAutoAnswer(true)"));
                }

                return;
            }

            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { Name: "uri", Type.SpecialType: SpecialType.System_String } && WritesAutoAnswer(argument.Value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.AutoAnswerEnabled, argument.Value.Syntax.GetLocation(), "The connection URI's " + Flag));
                }
            }
        }

        /// <summary>
        /// A constant URI (literals, constants and their concatenations) that turns auto_answer on as the runtime's
        /// parser reads it; or one built from constant and computed pieces (interpolation, <c>+</c>) whose constant
        /// text alone holds the parameter.
        /// </summary>
        private static bool WritesAutoAnswer(IOperation value) => Template(value) is { } template && ConnectionUriQuery.SetsAutoAnswer(template);

        /// <summary>The string's constant text with each computed piece replaced by <see cref="ConnectionUriQuery.Hole"/>; null when nothing is constant.</summary>
        private static string? Template(IOperation value)
        {
            string template = Pieces(value);
            return template.Length == 0 || template.All(c => c == ConnectionUriQuery.Hole) ? null : template;
        }

        private static string Pieces(IOperation value) => value switch
        {
            { ConstantValue: { HasValue: true, Value: string text } } => text,
            IInterpolatedStringOperation interpolated => string.Concat(interpolated.Parts.Select(Pieces)),
            IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal } => literal,
            IInterpolationOperation { Alignment: null, FormatString: null } hole => Pieces(hole.Expression),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation
                => Pieces(concatenation.LeftOperand) + Pieces(concatenation.RightOperand),
            _ => ConnectionUriQuery.Hole.ToString(),
        };
    }
}
