using Microsoft.CodeAnalysis;

namespace EsxSdk.Analyzers.PropertyPaths
{
    /// <summary>What a property path step leads to, as the generated path classes say.</summary>
    internal enum PathNodeKind
    {
        /// <summary>A generated path class (a root paths class or a data type's): its members are the next steps.</summary>
        PathClass,

        /// <summary>A list (<c>VimPropertyPath&lt;T[]&gt;</c>): the property collector cannot step into it.</summary>
        List,

        /// <summary>A value without properties: a primitive, an enum, a reference, simple content.</summary>
        Value,

        /// <summary><c>anyType</c> (<c>VimPropertyPath&lt;object&gt;</c>): anything may follow, nothing is checked.</summary>
        Unknown,
    }

    /// <summary>
    /// One step's destination: <see cref="Type"/> is the path class (<see cref="PathNodeKind.PathClass"/>) or the value's type.
    /// <see cref="Expression"/> is how a user names the typed path up to here (<c>VirtualMachineView.Paths.Runtime</c>), when known.
    /// </summary>
    internal sealed class PathNode
    {
        public PathNode(PathNodeKind kind, ITypeSymbol type, string? expression)
        {
            this.Kind = kind;
            this.Type = type;
            this.Expression = expression;
        }

        public PathNodeKind Kind { get; }

        public ITypeSymbol Type { get; }

        public string? Expression { get; }
    }

    /// <summary>A member of a path class: the property's wire name, the C# member, what it leads to.</summary>
    internal sealed class PathMember
    {
        public PathMember(string wireName, string memberName, PathNodeKind kind, ITypeSymbol type)
        {
            this.WireName = wireName;
            this.MemberName = memberName;
            this.Kind = kind;
            this.Type = type;
        }

        public string WireName { get; }

        public string MemberName { get; }

        public PathNodeKind Kind { get; }

        public ITypeSymbol Type { get; }
    }
}
