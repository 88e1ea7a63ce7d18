namespace EsxSdk.Generator
{
    /// <summary>Names of the incremental pipeline steps, for step-caching tests.</summary>
    internal static class TrackingNames
    {
        public const string WsdlFiles = nameof(WsdlFiles);
        public const string ParsedDocuments = nameof(ParsedDocuments);
        public const string GeneratorOptions = nameof(GeneratorOptions);
        public const string Binding = nameof(Binding);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Chunks = nameof(Chunks);
        public const string Operations = nameof(Operations);
        public const string Registry = nameof(Registry);
        public const string XmlSerializerTwins = nameof(XmlSerializerTwins);
        public const string BindingWithoutTwins = nameof(BindingWithoutTwins);
    }
}
