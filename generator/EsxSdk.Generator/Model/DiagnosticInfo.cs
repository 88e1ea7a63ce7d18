using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// A diagnostic kept as plain data so models stay equatable; turned into a <see cref="Diagnostic"/> only when
    /// reported. It holds its descriptor (immutable and equatable, one static instance per rule) rather than an ID to
    /// look up, as System.Text.Json's and LoggerMessage's generators do, since a <see cref="Location"/> is not cacheable.
    /// </summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SourcePosition? Position, EquatableArray<string> Arguments)
    {
        public bool IsError => this.Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourcePosition? position, params string[] arguments)
            => new(descriptor, position, arguments.ToEquatableArray());

        public Diagnostic ToDiagnostic()
        {
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

            return Diagnostic.Create(this.Descriptor, location, args);
        }
    }
}
