using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EsxSdk.Generator.Tests.Support
{
    /// <summary>
    /// MSBuild properties as the generator sees them (build_property.X), and the metadata of AdditionalFiles
    /// (build_metadata.AdditionalFiles.X): the managed-object model's kind on the files <c>isManagedObjectModel</c> picks,
    /// as the <c>VimManagedObjects</c> item sets it.
    /// </summary>
    internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options ManagedObjectModel = new(new Dictionary<string, string>
        {
            [VimBindingGenerator.FileKindMetadata] = VimBindingGenerator.ManagedObjectsKind,
        });

        private readonly System.Func<AdditionalText, bool> isManagedObjectModel;

        public GlobalOptionsProvider(IReadOnlyDictionary<string, string> globals, System.Func<AdditionalText, bool>? isManagedObjectModel = null)
        {
            this.GlobalOptions = new Options(globals);
            this.isManagedObjectModel = isManagedObjectModel ?? (_ => false);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.isManagedObjectModel(textFile) ? ManagedObjectModel : Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            private readonly IReadOnlyDictionary<string, string> values;

            public Options(IReadOnlyDictionary<string, string> values) => this.values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
                => this.values.TryGetValue(key, out value);
        }
    }
}
