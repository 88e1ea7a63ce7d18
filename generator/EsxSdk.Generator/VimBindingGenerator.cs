using System;
using EsxSdk.Generator.Emitting;
using EsxSdk.Generator.Linking;
using EsxSdk.Generator.Model;
using EsxSdk.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EsxSdk.Generator
{
    /// <summary>
    /// Generates the vim25 binding (data types, enums, faults and their XML serialization, the service) from the
    /// WSDL and XSD files given as AdditionalFiles, and the optional managed-object model (an AdditionalFile marked
    /// <see cref="ManagedObjectsKind"/>). One way: parse each file, link them into one model, report its diagnostics,
    /// and emit the model's source files.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class VimBindingGenerator : IIncrementalGenerator
    {
        /// <summary>MSBuild property naming the C# namespace of the generated binding.</summary>
        public const string NamespaceProperty = "build_property.VimNamespace";

        /// <summary>
        /// MSBuild property: <c>true</c> emits the question-aware wrapper of every <c>*_Task</c> operation. Only for the
        /// binding the runtime's task runner is compiled against (the runtime's own), since the wrappers call it.
        /// </summary>
        public const string TaskWrappersProperty = "build_property.VimTaskWrappers";

        /// <summary>MSBuild property (benchmarks only): <c>true</c> emits XmlSerializer twins of the types instead of the binding.</summary>
        public const string XmlSerializerTwinsProperty = "build_property.VimXmlSerializerTwins";

        /// <summary>
        /// AdditionalFiles metadata saying what a file is to the generator (made compiler-visible by the build files). WSDL
        /// and XSD files are told by their extension; JSON is too common an AdditionalFile (stylecop.json) to go by name.
        /// </summary>
        public const string FileKindMetadata = "build_metadata.AdditionalFiles.EsxSdkKind";

        /// <summary><see cref="FileKindMetadata"/> of the managed-object model (MSBuild item <c>VimManagedObjects</c>).</summary>
        public const string ManagedObjectsKind = "VimManagedObjects";

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

            // The optional managed-object model: which operation is a method of which managed object type.
            IncrementalValuesProvider<ManagedObjectDocument> managedObjects = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static input => IsManagedObjectModel(input.Right.GetOptions(input.Left)))
                .Select(static (input, _) => input.Left)
                .WithTrackingName(TrackingNames.ManagedObjectFiles)
                .Select(static (file, cancellationToken) =>
                {
                    SourceText? text = file.GetText(cancellationToken);
                    return ManagedObjectModelParser.Parse(file.Path, text?.ToString() ?? string.Empty, cancellationToken);
                })
                .WithTrackingName(TrackingNames.ParsedManagedObjects);

            IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
                .Select(static (config, _) => GeneratorOptionsReader.Read(config.GlobalOptions))
                .WithTrackingName(TrackingNames.GeneratorOptions);

            IncrementalValueProvider<LinkResult> linked = documents.Collect()
                .Combine(managedObjects.Collect())
                .Combine(options)
                .Select(static (input, cancellationToken) => BindingLinker.Link(input.Left.Left, input.Left.Right, input.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Binding);

            // Diagnostics are their own output (they carry positions; the model does not): a shifted line re-reports
            // them and leaves every emitter cached.
            IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics = linked
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, items) =>
            {
                foreach (DiagnosticInfo item in items)
                {
                    spc.ReportDiagnostic(item.ToDiagnostic());
                }
            });

            IncrementalValueProvider<BindingModel?> model = linked
                .Select(static (result, _) => result.Model)
                .WithTrackingName(TrackingNames.Model);
            model = RegisterXmlSerializerTwins(context, model);

            // Chunking is its own step: the layout names and slices the files; the emitters only print them.
            IncrementalValueProvider<SourceFiles?> files = model
                .Select(static (binding, _) => binding is null ? null : SourceFileLayout.Split(binding))
                .WithTrackingName(TrackingNames.SourceFiles);

            IncrementalValuesProvider<SourceChunk> chunks = files
                .SelectMany(static (layout, _) => layout?.Types ?? EquatableArray<SourceChunk>.Empty)
                .WithTrackingName(TrackingNames.Chunks);
            context.RegisterSourceOutput(chunks, static (spc, chunk) => AddSource(spc, chunk.HintName, ChunkEmitter.Emit(chunk)));

            IncrementalValuesProvider<OperationChunk> operations = files
                .SelectMany(static (layout, _) => layout?.Service ?? EquatableArray<OperationChunk>.Empty)
                .WithTrackingName(TrackingNames.Operations);
            context.RegisterSourceOutput(operations, static (spc, chunk) => AddSource(spc, chunk.HintName, ServiceEmitter.Emit(chunk)));

            IncrementalValuesProvider<ObjectChunk> objects = files
                .SelectMany(static (layout, _) => layout?.Objects ?? EquatableArray<ObjectChunk>.Empty)
                .WithTrackingName(TrackingNames.ObjectFiles);
            context.RegisterSourceOutput(objects, static (spc, chunk) => AddSource(spc, chunk.HintName, ObjectsEmitter.Emit(chunk)));

            IncrementalValueProvider<RegistryFile?> registry = files
                .Select(static (layout, _) => layout?.Registry)
                .WithTrackingName(TrackingNames.Registry);
            context.RegisterSourceOutput(registry, static (spc, file) =>
            {
                if (file != null)
                {
                    AddSource(spc, file.HintName, RegistryEmitter.Emit(file));
                }
            });
        }

        private static void AddSource(SourceProductionContext context, string hintName, string text)
            => context.AddSource(hintName, SourceText.From(text, System.Text.Encoding.UTF8));

        private static bool IsManagedObjectModel(AnalyzerConfigOptions options)
            => options.TryGetValue(FileKindMetadata, out string? kind) && string.Equals(kind?.Trim(), ManagedObjectsKind, StringComparison.OrdinalIgnoreCase);

        private static bool IsWsdlOrSchema(string path)
            => path.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase);
    }
}
