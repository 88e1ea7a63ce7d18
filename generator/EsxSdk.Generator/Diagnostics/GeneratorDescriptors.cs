using Microsoft.CodeAnalysis;

namespace EsxSdk.Generator.Diagnostics
{
    /// <summary>
    /// The generator's diagnostic catalogue: IDs ESXG001-ESXG099, each documented in docs/rules/ID.md and listed in
    /// AnalyzerReleases.*.md. Diagnostics carry their descriptor (<see cref="Model.DiagnosticInfo"/>), so no lookup by ID.
    /// </summary>
    internal static class GeneratorDescriptors
    {
        private const string Category = "EsxSdk.Generator";

        public static readonly DiagnosticDescriptor MalformedXml = Rule(
            "ESXG001",
            "WSDL or XSD file is not well-formed XML",
            "'{0}' cannot be read as XML: {1}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnsupportedConstruct = Rule(
            "ESXG002",
            "Unsupported WSDL or XSD construct",
            "<{0}> is not supported here ({1}); the generator reads the XSD subset vim25 uses",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnresolvedReference = Rule(
            "ESXG003",
            "Referenced WSDL or XSD file not found",
            "{0} '{1}' not found: add the file to AdditionalFiles (item VimWsdl) beside '{2}'",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnknownType = Rule(
            "ESXG004",
            "Reference to an undefined type",
            "Type '{0}' used by '{1}' is not defined in the WSDL or its schemas",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor AmbiguousRoot = Rule(
            "ESXG005",
            "More than one WSDL set",
            "The AdditionalFiles hold more than one root WSDL ({0}); give each project one vim25 WSDL set",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor DuplicateDefinition = Rule(
            "ESXG006",
            "Type or element defined twice",
            "'{0}' is defined again here; the first definition is at {1}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidAttribute = Rule(
            "ESXG007",
            "Missing or invalid attribute",
            "<{0}> has a missing or invalid '{1}' attribute ('{2}')",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidInheritance = Rule(
            "ESXG008",
            "Invalid base type",
            "'{0}' cannot extend '{1}': {2}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor NotWsdlOrSchema = Rule(
            "ESXG009",
            "File is neither WSDL nor XSD",
            "'{0}' has root element <{1}> in namespace '{2}', expected wsdl:definitions or xsd:schema",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidNamespace = Rule(
            "ESXG010",
            "Invalid VimNamespace",
            "The MSBuild property VimNamespace is '{0}', which is not a valid C# namespace; the binding is generated into '{1}'",
            DiagnosticSeverity.Warning);

        /// <summary>
        /// A warning, not an error: the model is optional, so an unreadable one is set aside and the binding is generated as
        /// without it (task targets by the WSDL alone), which is still a correct binding.
        /// </summary>
        public static readonly DiagnosticDescriptor MalformedManagedObjectModel = Rule(
            "ESXG011",
            "Managed-object model cannot be read",
            "'{0}' cannot be read as a managed-object model: {1}; it is ignored and the binding is generated as without it",
            DiagnosticSeverity.Warning);

        /// <summary>
        /// An info, never an error: the model may be newer than the WSDL (8.0.3 against 7.0u2), so an item naming a type
        /// the binding lacks is left out (a view property, a path, a typed task result) and the rest is generated.
        /// </summary>
        public static readonly DiagnosticDescriptor ManagedObjectItemSkipped = Rule(
            "ESXG012",
            "Managed-object model item skipped",
            "'{0}' names the type '{1}', which this binding does not define; it is left out",
            DiagnosticSeverity.Info);

        private static DiagnosticDescriptor Rule(string id, string title, string message, DiagnosticSeverity severity)
            => EsxSdk.Common.DiagnosticRules.Rule(id, title, message, Category, severity);
    }
}
