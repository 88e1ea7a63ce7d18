namespace EsxSdk.Generator
{
    /// <summary>Names of the incremental pipeline steps, for step-caching tests.</summary>
    internal static class TrackingNames
    {
        public const string WsdlFiles = nameof(WsdlFiles);
        public const string ParsedDocuments = nameof(ParsedDocuments);
        public const string GeneratorOptions = nameof(GeneratorOptions);

        /// <summary>The AdditionalFiles marked as the managed-object model.</summary>
        public const string ManagedObjectFiles = nameof(ManagedObjectFiles);

        /// <summary>The managed-object model files, parsed.</summary>
        public const string ParsedManagedObjects = nameof(ParsedManagedObjects);

        /// <summary>The link step: the binding model and the diagnostics together.</summary>
        public const string Binding = nameof(Binding);

        /// <summary>The diagnostics, projected from the link step for their own output.</summary>
        public const string Diagnostics = nameof(Diagnostics);

        /// <summary>The binding model, projected from the link step without diagnostics: what every emitter reads.</summary>
        public const string Model = nameof(Model);

        /// <summary>The binding split into named source files (the layout), from the model.</summary>
        public const string SourceFiles = nameof(SourceFiles);

        public const string Chunks = nameof(Chunks);
        public const string Operations = nameof(Operations);
        public const string Registry = nameof(Registry);

        /// <summary>The source files of the typed views and property paths (none without a managed-object model).</summary>
        public const string ObjectFiles = nameof(ObjectFiles);
        public const string XmlSerializerTwins = nameof(XmlSerializerTwins);
        public const string BindingWithoutTwins = nameof(BindingWithoutTwins);
    }
}
