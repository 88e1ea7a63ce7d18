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

        /// <summary>
        /// MSBuild property: <c>true</c> emits the question-aware wrapper of every <c>*_Task</c> operation. Only for the
        /// binding the runtime's task runner is compiled against (the runtime's own), since the wrappers call it.
        /// </summary>
        public const string TaskWrappersProperty = "build_property.VimTaskWrappers";

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

            IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
                .Select(static (config, _) => ChooseNamespace(
                    config.GlobalOptions.TryGetValue(NamespaceProperty, out string? ns) ? ns : null,
                    config.GlobalOptions.TryGetValue(RootNamespaceProperty, out string? root) ? root : null) with
                {
                    EmitTaskWrappers = config.GlobalOptions.TryGetValue(TaskWrappersProperty, out string? wrappers)
                        && string.Equals(wrappers?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
                })
                .WithTrackingName(TrackingNames.GeneratorOptions);

            IncrementalValueProvider<BindingModel> binding = documents.Collect()
                .Combine(options)
                .Select(static (input, cancellationToken) => Link(input.Left, input.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Binding);

            // Opt-in (benchmarks only): XmlSerializer twins of the types replace the EsxSdk binding.
            IncrementalValueProvider<bool> xmlSerializerTwins = context.AnalyzerConfigOptionsProvider
                .Select(static (config, _) => XmlSerializerTwinEmitter.IsRequested(config.GlobalOptions.TryGetValue(XmlSerializerTwinEmitter.ModeProperty, out string? mode) ? mode : null))
                .WithTrackingName(TrackingNames.XmlSerializerTwins);
            context.RegisterSourceOutput(binding.Combine(xmlSerializerTwins), static (spc, input) =>
            {
                if (input.Right && !HasErrors(input.Left))
                {
                    XmlSerializerTwinEmitter.AddSources(spc, input.Left);
                }
            });
            binding = binding.Combine(xmlSerializerTwins)
                .Select(static (input, _) => input.Right ? BindingModel.Empty(input.Left.CSharpNamespace, input.Left.Diagnostics) : input.Left)
                .WithTrackingName(TrackingNames.BindingWithoutTwins);

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

            IncrementalValuesProvider<OperationChunk> operations = binding
                .SelectMany(static (model, _) => HasErrors(model) ? ImmutableArray<OperationChunk>.Empty : ServiceEmitter.Split(model).ToImmutableArray())
                .WithTrackingName(TrackingNames.Operations);
            context.RegisterSourceOutput(operations, static (spc, chunk) => spc.AddSource(chunk.HintName, SourceText.From(ServiceEmitter.Emit(chunk), System.Text.Encoding.UTF8)));

            IncrementalValueProvider<BindingModel?> registry = binding
                .Select(static (model, _) => HasErrors(model) || (model.Classes.Count == 0 && model.Enums.Count == 0 && model.ArrayTypes.Count == 0) ? null : model with { Diagnostics = EquatableArray<DiagnosticInfo>.Empty })
                .WithTrackingName(TrackingNames.Registry);
            context.RegisterSourceOutput(registry, static (spc, model) =>
            {
                if (model != null)
                {
                    spc.AddSource("Vim25.TypeRegistry.g.cs", SourceText.From(RegistryEmitter.Emit(model), System.Text.Encoding.UTF8));
                }
            });
        }

        private static BindingModel Link(ImmutableArray<SchemaDocument> documents, GeneratorOptions options, System.Threading.CancellationToken cancellationToken)
        {
            if (documents.IsEmpty)
            {
                // Projects without WSDL (e.g. package consumers using the built-in binding) get nothing and no noise.
                return BindingModel.Empty(options.CSharpNamespace, EquatableArray<DiagnosticInfo>.Empty);
            }

            BindingModel model = BindingLinker.Link(documents, options.CSharpNamespace, cancellationToken) with { EmitTaskWrappers = options.EmitTaskWrappers };
            if (options.RejectedNamespace is null)
            {
                return model;
            }

            DiagnosticInfo warning = DiagnosticInfo.Create(Diagnostics.GeneratorDescriptors.InvalidNamespace, null, options.RejectedNamespace, options.CSharpNamespace);
            return model with { Diagnostics = model.Diagnostics.Append(warning).ToEquatableArray() };
        }

        private static bool IsWsdlOrSchema(string path)
            => path.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase);

        /// <summary>Emitting half a binding only buries the real error under compiler errors.</summary>
        private static bool HasErrors(BindingModel model)
            => model.Diagnostics.Any(d => d.IsError);

        private static GeneratorOptions ChooseNamespace(string? configured, string? rootNamespace)
        {
            if (IsValidNamespace(configured))
            {
                return new GeneratorOptions(configured!.Trim(), null);
            }

            string fallback = IsValidNamespace(rootNamespace) ? rootNamespace!.Trim() + "." + FallbackNamespace : FallbackNamespace;
            return new GeneratorOptions(fallback, string.IsNullOrWhiteSpace(configured) ? null : configured);
        }

        private static bool IsValidNamespace(string? name)
            => !string.IsNullOrWhiteSpace(name)
               && name!.Trim().Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
    }
}
