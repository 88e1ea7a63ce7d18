using EsxSdk.Generator.Emitting;
using EsxSdk.Generator.Linking;
using EsxSdk.Generator.Model;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Generator
{
    /// <summary>The opt-in XmlSerializer twins branch (bench/ only), kept out of the main pipeline.</summary>
    public sealed partial class VimBindingGenerator
    {
        /// <summary>
        /// Emits the XmlSerializer twins of the model when <see cref="XmlSerializerTwinsProperty"/> asks for them, and
        /// returns the model the binding's emitters get: none while the twins replace the binding.
        /// </summary>
        private static IncrementalValueProvider<BindingModel?> RegisterXmlSerializerTwins(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<BindingModel?> model)
        {
            IncrementalValueProvider<bool> requested = context.AnalyzerConfigOptionsProvider
                .Select(static (config, _) => GeneratorOptionsReader.IsTrue(config.GlobalOptions, XmlSerializerTwinsProperty))
                .WithTrackingName(TrackingNames.XmlSerializerTwins);
            IncrementalValueProvider<(BindingModel? Model, bool Requested)> input = model.Combine(requested);
            context.RegisterSourceOutput(input, static (spc, input) =>
            {
                if (input.Requested && input.Model is { } binding)
                {
                    foreach ((string hintName, string text) in XmlSerializerTwinEmitter.Emit(SourceFileLayout.XmlSerializerTwins(binding), spc.CancellationToken))
                    {
                        AddSource(spc, hintName, text);
                    }
                }
            });

            return input
                .Select(static (input, _) => input.Requested ? null : input.Model)
                .WithTrackingName(TrackingNames.BindingWithoutTwins);
        }
    }
}
