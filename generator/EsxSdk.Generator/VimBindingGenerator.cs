using System;
using System.Collections.Immutable;
using System.Linq;
using EsxSdk.Generator.Emitting;
using EsxSdk.Generator.Linking;
using EsxSdk.Generator.Model;
using EsxSdk.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EsxSdk.Generator
{
    /// <summary>
    /// Generates the vim25 binding (data types, enums, faults and their XML serialization) from the
    /// WSDL and XSD files given as AdditionalFiles.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class VimBindingGenerator : IIncrementalGenerator
    {
        /// <summary>MSBuild property naming the C# namespace of the generated binding.</summary>
        public const string NamespaceProperty = "build_property.VimNamespace";

        private const string RootNamespaceProperty = "build_property.RootNamespace";
        private const string FallbackNamespace = "Vim25";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<SchemaDocument> documents = context.AdditionalTextsProvider
                .Where(static file => IsWsdlOrSchema(file.Path))
                .WithTrackingName(TrackingNames.WsdlFiles)
                .Select(static (file, cancellationToken) =>
                {
                    SourceText? text = file.GetText(cancellationToken);
                    return SchemaDocumentParser.Parse(file.Path, text?.ToString() ?? string.Empty, cancellationToken);
                })
                .WithTrackingName(TrackingNames.ParsedDocuments);

            IncrementalValueProvider<string> csharpNamespace = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => ChooseNamespace(
                    options.GlobalOptions.TryGetValue(NamespaceProperty, out string? ns) ? ns : null,
                    options.GlobalOptions.TryGetValue(RootNamespaceProperty, out string? root) ? root : null))
                .WithTrackingName(TrackingNames.GeneratorOptions);

            IncrementalValueProvider<BindingModel> binding = documents.Collect()
                .Combine(csharpNamespace)
                .Select(static (input, cancellationToken) => input.Left.IsEmpty
                    ? BindingModel.Empty(input.Right, EquatableArray<DiagnosticInfo>.Empty)
                    : BindingLinker.Link(input.Left, input.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Binding);

            IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics = binding
                .Select(static (model, _) => model.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, items) =>
            {
                foreach (DiagnosticInfo item in items)
                {
                    spc.ReportDiagnostic(item.ToDiagnostic());
                }
            });

            IncrementalValuesProvider<SourceChunk> chunks = binding
                .SelectMany(static (model, _) => HasErrors(model) ? ImmutableArray<SourceChunk>.Empty : ChunkEmitter.Split(model).ToImmutableArray())
                .WithTrackingName(TrackingNames.Chunks);
            context.RegisterSourceOutput(chunks, static (spc, chunk) => spc.AddSource(chunk.HintName, SourceText.From(ChunkEmitter.Emit(chunk), System.Text.Encoding.UTF8)));

            IncrementalValueProvider<BindingModel?> registry = binding
                .Select(static (model, _) => HasErrors(model) || model.Classes.Count == 0 ? null : model with { Diagnostics = EquatableArray<DiagnosticInfo>.Empty })
                .WithTrackingName(TrackingNames.Registry);
            context.RegisterSourceOutput(registry, static (spc, model) =>
            {
                if (model != null)
                {
                    spc.AddSource("Vim25.TypeRegistry.g.cs", SourceText.From(RegistryEmitter.Emit(model), System.Text.Encoding.UTF8));
                }
            });
        }

        private static bool IsWsdlOrSchema(string path)
            => path.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase);

        /// <summary>Emitting half a binding only buries the real error under compiler errors.</summary>
        private static bool HasErrors(BindingModel model) => model.Diagnostics.Count > 0;

        private static string ChooseNamespace(string? configured, string? rootNamespace)
        {
            if (IsValidNamespace(configured))
            {
                return configured!.Trim();
            }

            return IsValidNamespace(rootNamespace) ? rootNamespace!.Trim() + "." + FallbackNamespace : FallbackNamespace;
        }

        private static bool IsValidNamespace(string? name)
            => !string.IsNullOrWhiteSpace(name)
               && name!.Trim().Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
    }
}
