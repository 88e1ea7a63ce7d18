using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EsxSdk.Generator.Tests.Support
{
    /// <summary>MSBuild properties as the generator sees them (build_property.X).</summary>
    internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public GlobalOptionsProvider(IReadOnlyDictionary<string, string> globals) => this.GlobalOptions = new Options(globals);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

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
