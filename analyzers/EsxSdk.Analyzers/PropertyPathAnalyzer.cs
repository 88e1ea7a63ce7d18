using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EsxSdk.Analyzers.PropertyPaths;
using EsxSdk.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// ESX0005 (warning): a constant property path given to the property API that the managed object type it names does
    /// not have, by the binding's generated paths (the model plus the WSDL data types), with the nearest valid path.
    /// ESX0006 (info): a valid one that has a typed path. Sites: EsxSdk.dll methods with a string-list <c>paths</c> or
    /// <c>properties</c> parameter (checked against their <c>type</c> argument, or against every managed object type
    /// when the type is not a constant or the method reads an object of any type, as <c>GetPropertiesAsync</c>), and
    /// <c>new PropertySpec { Type = ..., PathSet = ... }</c> of any binding with generated paths.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PropertyPathAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The diagnostic property holding the corrected path, for the code fix.</summary>
        public const string SuggestionProperty = "Suggestion";

        private const string AnyType = "any managed object type";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(AnalyzerDescriptors.UnknownPropertyPath, AnalyzerDescriptors.TypedPropertyPathAvailable);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (PathSymbols.Create(start.Compilation) is not { } symbols)
                {
                    return;
                }

                var catalogs = new ConcurrentDictionary<INamespaceSymbol, PathCatalog?>(SymbolEqualityComparer.Default);
                PathCatalog? CatalogOf(INamespaceSymbol? binding) => binding is null ? null : catalogs.GetOrAdd(binding, b => PathCatalog.Create(symbols, b));

                start.RegisterOperationAction(
                    c => AnalyzeCall(c, (IInvocationOperation)c.Operation, symbols, CatalogOf(symbols.RuntimeReference?.ContainingNamespace)),
                    OperationKind.Invocation);
                start.RegisterOperationAction(
                    c =>
                    {
                        var creation = (IObjectCreationOperation)c.Operation;
                        if (creation.Type is INamedTypeSymbol { Name: RuntimeNames.PropertySpec.TypeName } spec && creation.Initializer is { } initializer)
                        {
                            AnalyzeSpec(c, initializer, CatalogOf(spec.ContainingNamespace));
                        }
                    },
                    OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation call, PathSymbols symbols, PathCatalog? catalog)
        {
            IMethodSymbol method = call.TargetMethod;
            if (catalog is null || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, symbols.Client.ContainingAssembly))
            {
                return;
            }

            IArgumentOperation? paths = call.Arguments.FirstOrDefault(a => a.Parameter is { } p && IsPathsParameter(p));
            if (paths is null)
            {
                return;
            }

            IArgumentOperation? type = call.Arguments.FirstOrDefault(a => a.Parameter is { Name: RuntimeNames.PropertyPathParameters.TypeParameter, Type.SpecialType: SpecialType.System_String });
            Report(context, catalog, type?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null, PathArguments.ElementsOf(paths.Value));
        }

        private static void AnalyzeSpec(OperationAnalysisContext context, IObjectOrCollectionInitializerOperation initializer, PathCatalog? catalog)
        {
            IOperation? pathSet = null;
            string? type = null;
            foreach (IOperation item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                {
                    if (target.Property.Name == RuntimeNames.PropertySpec.PathSet)
                    {
                        pathSet = assignment.Value;
                    }
                    else if (target.Property.Name == RuntimeNames.PropertySpec.Type && assignment.Value.ConstantValue is { HasValue: true, Value: string name })
                    {
                        type = name;
                    }
                }
            }

            if (catalog is not null && pathSet is not null)
            {
                Report(context, catalog, type, PathArguments.ElementsOf(pathSet));
            }
        }

        /// <summary>
        /// Checks each path against the type, or every type when it is null (not known statically). A type the binding does
        /// not have (a newer API's) is not checked: nothing is known of its properties.
        /// </summary>
        private static void Report(OperationAnalysisContext context, PathCatalog catalog, string? type, List<PathElement> elements)
        {
            PathNode? root = type is null ? null : catalog.Root(type);
            if (elements.Count == 0 || (type is not null && root is null))
            {
                return;
            }

            ImmutableArray<PathNode> starts = root is null ? catalog.AnyRoot() : ImmutableArray.Create(root);
            foreach (PathElement element in elements)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                PathCheck check = PathCheck.Check(catalog, starts, type, element.Value);
                if (!check.IsValid)
                {
                    ImmutableDictionary<string, string?> properties = check.Suggestion is null
                        ? ImmutableDictionary<string, string?>.Empty
                        : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, check.Suggestion);
                    context.ReportDiagnostic(Diagnostic.Create(
                        AnalyzerDescriptors.UnknownPropertyPath,
                        element.Expression.GetLocation(),
                        properties,
                        element.Value,
                        type ?? AnyType,
                        check.Problem,
                        check.Suggestion is null ? string.Empty : "; did you mean '" + check.Suggestion + "'?"));
                }
                else if (check.TypedPath is { } typed)
                {
                    context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.TypedPropertyPathAvailable, element.Expression.GetLocation(), element.Value, type, typed));
                }
            }
        }

        private static bool IsPathsParameter(IParameterSymbol parameter)
            => parameter.Name is RuntimeNames.PropertyPathParameters.PathsParameter or RuntimeNames.PropertyPathParameters.PropertiesParameter
                && IsStringList(parameter.Type);

        private static bool IsStringList(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_String,
            INamedTypeSymbol { TypeArguments.Length: 1 } named => named.TypeArguments[0].SpecialType == SpecialType.System_String
                && named.AllInterfaces.Concat(new[] { named }).Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T),
            _ => false,
        };
    }
}
