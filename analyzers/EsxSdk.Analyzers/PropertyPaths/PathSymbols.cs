using EsxSdk.Common;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Analyzers.PropertyPaths
{
    /// <summary>The runtime's symbols the property-path rules read, looked up once per compilation.</summary>
    internal sealed class PathSymbols
    {
        private readonly INamedTypeSymbol propertyName;
        private readonly INamedTypeSymbol managedObjectPaths;
        private readonly INamedTypeSymbol path;
        private readonly INamedTypeSymbol pathOfT;

        private PathSymbols(INamedTypeSymbol propertyName, INamedTypeSymbol managedObjectPaths, INamedTypeSymbol path, INamedTypeSymbol pathOfT, INamedTypeSymbol client, INamedTypeSymbol? reference)
        {
            this.propertyName = propertyName;
            this.managedObjectPaths = managedObjectPaths;
            this.path = path;
            this.pathOfT = pathOfT;
            this.Client = client;
            this.RuntimeReference = reference;
        }

        /// <summary>The client: its assembly holds the property API.</summary>
        public INamedTypeSymbol Client { get; }

        /// <summary>The runtime binding's ManagedObjectReference: its namespace is the binding the property API reads.</summary>
        public INamedTypeSymbol? RuntimeReference { get; }

        /// <summary>The symbols, or null when the compilation does not reference a runtime with typed paths.</summary>
        public static PathSymbols? Create(Compilation compilation)
        {
            INamedTypeSymbol? propertyName = compilation.GetTypeByMetadataName(RuntimeNames.Attributes.PropertyName);
            INamedTypeSymbol? managedObjectPaths = compilation.GetTypeByMetadataName(RuntimeNames.Attributes.ManagedObjectPaths);
            INamedTypeSymbol? path = compilation.GetTypeByMetadataName(RuntimeNames.Types.PropertyPath);
            INamedTypeSymbol? pathOfT = compilation.GetTypeByMetadataName(RuntimeNames.Types.PropertyPathOfT);
            INamedTypeSymbol? client = compilation.GetTypeByMetadataName(RuntimeNames.Types.Client);
            return propertyName is null || managedObjectPaths is null || path is null || pathOfT is null || client is null
                ? null
                : new PathSymbols(propertyName, managedObjectPaths, path, pathOfT, client, compilation.GetTypeByMetadataName(RuntimeNames.Types.ManagedObjectReference));
        }

        /// <summary>The managed object type a root paths class is marked with, or null for any other type.</summary>
        public string? ManagedObjectTypeOf(INamedTypeSymbol type) => this.StringArgument(type.GetAttributes(), this.managedObjectPaths);

        /// <summary>The wire name a path member is marked with, or null for any other property.</summary>
        public string? WireNameOf(IPropertySymbol property) => property.IsStatic ? null : this.StringArgument(property.GetAttributes(), this.propertyName);

        /// <summary>The runtime's own path bases, where a path class's members end.</summary>
        public bool IsRuntimePathType(ITypeSymbol type)
            => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, this.pathOfT) || SymbolEqualityComparer.Default.Equals(type, this.path);

        /// <summary>What a path member's type leads to, and the destination: the path class itself, or the value's type.</summary>
        public PathNodeKind KindOf(ITypeSymbol memberType, out ITypeSymbol destination)
        {
            destination = memberType;
            if (memberType is not INamedTypeSymbol named || !SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, this.pathOfT))
            {
                return PathNodeKind.PathClass;
            }

            destination = named.TypeArguments[0];
            return destination switch
            {
                IArrayTypeSymbol => PathNodeKind.List,
                { SpecialType: SpecialType.System_Object } => PathNodeKind.Unknown,
                _ => PathNodeKind.Value,
            };
        }

        /// <summary>The value type a generated path class reads (<c>VirtualMachineRuntimeInfo</c> for its path class).</summary>
        public ITypeSymbol? ValueTypeOf(ITypeSymbol pathClass)
        {
            for (ITypeSymbol? type = pathClass; type is not null; type = type.BaseType)
            {
                if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, this.pathOfT))
                {
                    return named.TypeArguments[0];
                }
            }

            return null;
        }

        private string? StringArgument(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, INamedTypeSymbol attribute)
        {
            foreach (AttributeData data in attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)
                    && data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is string value)
                {
                    return value;
                }
            }

            return null;
        }
    }
}
