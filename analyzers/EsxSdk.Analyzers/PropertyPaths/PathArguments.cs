using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.PropertyPaths
{
    /// <summary>A constant path string in a list of paths: its expression (where to report) and its value.</summary>
    internal readonly struct PathElement
    {
        public PathElement(ExpressionSyntax expression, string value)
        {
            this.Expression = expression;
            this.Value = value;
        }

        public ExpressionSyntax Expression { get; }

        public string Value { get; }
    }

    /// <summary>
    /// The constant strings of a list of paths as written: an array (also a <c>params</c> one), a collection initializer,
    /// a collection expression, or a local initialised with one of these and never assigned again. Elements that are not
    /// constants (and spreads) are left out: only what is known statically is checked.
    /// </summary>
    internal static class PathArguments
    {
        public static List<PathElement> ElementsOf(IOperation value)
        {
            var result = new List<PathElement>();
            Collect(value, result, followLocal: true);
            return result;
        }

        private static void Collect(IOperation value, List<PathElement> result, bool followLocal)
        {
            value = Flow.TaskCalls.Strip(value);
            switch (value)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    initializer.ElementValues.ToList().ForEach(e => Add(e, result));
                    return;
                case IObjectCreationOperation { Initializer: { } initializer }:
                    foreach (IOperation item in initializer.Initializers)
                    {
                        if (item is IInvocationOperation { Arguments.Length: 1 } add)
                        {
                            Add(add.Arguments[0].Value, result);
                        }
                    }

                    return;
                case ILocalReferenceOperation local when followLocal && InitializerOf(local) is { } initial:
                    Collect(initial, result, followLocal: false);
                    return;
            }

            // Collection expressions have no IOperation of their own in the Roslyn this package targets: read their syntax.
            if (value.Syntax is CollectionExpressionSyntax collection && value.SemanticModel is { } model)
            {
                foreach (ExpressionElementSyntax element in collection.Elements.OfType<ExpressionElementSyntax>())
                {
                    if (model.GetConstantValue(element.Expression) is { HasValue: true, Value: string text })
                    {
                        result.Add(new PathElement(element.Expression, text));
                    }
                }
            }
        }

        private static void Add(IOperation element, List<PathElement> result)
        {
            if (element.ConstantValue is { HasValue: true, Value: string text } && element.Syntax is ExpressionSyntax expression)
            {
                result.Add(new PathElement(expression, text));
            }
        }

        /// <summary>The value a local was declared with, when nothing in its function writes it again.</summary>
        private static IOperation? InitializerOf(ILocalReferenceOperation reference)
        {
            ILocalSymbol local = reference.Local;
            if (local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initial }
                || reference.SemanticModel is not { } model
                || model.GetOperation(initial) is not { } operation)
            {
                return null;
            }

            IOperation root = reference;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            return root.Descendants().Any(o => IsWriteOf(o, local)) ? null : operation;
        }

        private static bool IsWriteOf(IOperation operation, ILocalSymbol local) => operation switch
        {
            IAssignmentOperation { Target: ILocalReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Local, local),
            IDeconstructionAssignmentOperation deconstruction => deconstruction.Target.Descendants().OfType<ILocalReferenceOperation>().Any(l => SymbolEqualityComparer.Default.Equals(l.Local, local)),
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Local, local),
            _ => false,
        };
    }
}
