using Microsoft.CodeAnalysis;

namespace EsxSdk.Common
{
    /// <summary>
    /// The one way EsxSdk's diagnostic catalogues (ESXG* in the generator, ESX* in the analyzers) make a rule: enabled by
    /// default, with a help link to its page in docs/rules/. Linked into both assemblies like <see cref="RuntimeNames"/>.
    /// </summary>
    internal static class DiagnosticRules
    {
        /// <summary>Where rule pages live: <c>docs/rules/ID.md</c> in the repository.</summary>
        public const string HelpLinkBase = "https://github.com/esxsdk/esxsdk/blob/main/docs/rules/";

        /// <summary>A rule of <paramref name="category"/> with its help link.</summary>
        public static DiagnosticDescriptor Rule(string id, string title, string message, string category, DiagnosticSeverity severity) => new(
            id,
            title,
            message,
            category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id + ".md");
    }
}
