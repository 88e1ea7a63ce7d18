using System.Globalization;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Generator.Tests.Support
{
    /// <summary>A diagnostic id at a position in an AdditionalFile, 1-based as editors show it (line 0 for no location).</summary>
    internal sealed record ExpectedDiagnostic(string Id, string Path, int Line, int Column)
    {
        /// <summary>A diagnostic without a location (Location.None).</summary>
        public static ExpectedDiagnostic NoLocation(string id) => new(id, string.Empty, 0, 0);

        public static ExpectedDiagnostic From(Diagnostic diagnostic)
        {
            if (diagnostic.Location == Location.None)
            {
                return NoLocation(diagnostic.Id);
            }

            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            return new ExpectedDiagnostic(diagnostic.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }

        public override string ToString() => this.Line == 0
            ? this.Id + " (no location)"
            : this.Id + " " + this.Path + "(" + this.Line.ToString(CultureInfo.InvariantCulture) + "," + this.Column.ToString(CultureInfo.InvariantCulture) + ")";
    }
}
