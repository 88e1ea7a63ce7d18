using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// A diagnostic kept as plain data so models stay equatable; turned into a
    /// <see cref="Diagnostic"/> only when reported.
    /// </summary>
    internal sealed record DiagnosticInfo(string Id, SourcePosition? Position, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourcePosition? position, params string[] arguments)
            => new(descriptor.Id, position, arguments.ToEquatableArray());

        public Diagnostic ToDiagnostic()
        {
            DiagnosticDescriptor descriptor = Diagnostics.DiagnosticDescriptors.ById(this.Id);
            Location location = Location.None;
            if (this.Position is { } p)
            {
                var start = new LinePosition(System.Math.Max(0, p.Line - 1), System.Math.Max(0, p.Column - 1));
                location = Location.Create(p.Path, default(TextSpan), new LinePositionSpan(start, start));
            }

            object[] args = new object[this.Arguments.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = this.Arguments[i];
            }

            return Diagnostic.Create(descriptor, location, args);
        }
    }
}
