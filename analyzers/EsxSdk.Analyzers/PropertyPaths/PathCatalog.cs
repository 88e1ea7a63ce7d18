using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EsxSdk.Common;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Analyzers.PropertyPaths
{
    /// <summary>
    /// The property paths one binding knows, read from its generated path classes (<c>{binding}.Objects</c>): the root paths
    /// class of each managed object type (marked with its wire name), each path member's wire name and destination, and the
    /// view whose static member names a root (<c>VirtualMachineView.Paths</c>). Built once per binding and compilation;
    /// member lists are read on first use. A binding generated without a managed-object model has no catalogue.
    /// </summary>
    internal sealed class PathCatalog
    {
        private readonly PathSymbols symbols;
        private readonly INamespaceSymbol binding;
        private readonly ImmutableDictionary<string, INamedTypeSymbol> roots;
        private readonly ImmutableDictionary<INamedTypeSymbol, string> rootExpressions;
        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<PathMember>> members = new(SymbolEqualityComparer.Default);
        private readonly Lazy<ILookup<ISymbol, INamedTypeSymbol>> derivedTypes;

        private PathCatalog(PathSymbols symbols, INamespaceSymbol binding, ImmutableDictionary<string, INamedTypeSymbol> roots, ImmutableDictionary<INamedTypeSymbol, string> rootExpressions)
        {
            this.symbols = symbols;
            this.binding = binding;
            this.roots = roots;
            this.rootExpressions = rootExpressions;
            this.derivedTypes = new Lazy<ILookup<ISymbol, INamedTypeSymbol>>(this.ReadDerivedTypes);
        }

        /// <summary>Every managed object type's root paths class, by wire name.</summary>
        public ImmutableDictionary<string, INamedTypeSymbol> Roots => this.roots;

        /// <summary>The catalogue of the binding in <paramref name="binding"/>, or null when it has no generated paths.</summary>
        public static PathCatalog? Create(PathSymbols symbols, INamespaceSymbol binding)
        {
            string objectsName = RuntimeNames.ObjectsNamespaceSuffix.TrimStart('.');
            INamespaceSymbol? objects = binding.GetNamespaceMembers().FirstOrDefault(n => n.Name == objectsName);
            if (objects is null)
            {
                return null;
            }

            var roots = ImmutableDictionary.CreateBuilder<string, INamedTypeSymbol>(StringComparer.Ordinal);
            ImmutableArray<INamedTypeSymbol> types = objects.GetTypeMembers();
            foreach (INamedTypeSymbol type in types)
            {
                if (symbols.ManagedObjectTypeOf(type) is { } wireName && !roots.ContainsKey(wireName))
                {
                    roots.Add(wireName, type);
                }
            }

            if (roots.Count == 0)
            {
                return null;
            }

            var rootTypes = new HashSet<INamedTypeSymbol>(roots.Values, SymbolEqualityComparer.Default);
            var expressions = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            foreach (INamedTypeSymbol type in types)
            {
                // A view's static member of its root paths type (VirtualMachineView.Paths) is how users reach a typed path.
                foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && property.Type is INamedTypeSymbol root
                        && rootTypes.Contains(root) && !expressions.ContainsKey(root))
                    {
                        expressions.Add(root, type.Name + "." + property.Name);
                    }
                }
            }

            foreach (INamedTypeSymbol root in rootTypes)
            {
                if (!expressions.ContainsKey(root))
                {
                    expressions.Add(root, "new " + root.Name + "()");
                }
            }

            return new PathCatalog(symbols, binding, roots.ToImmutable(), expressions.ToImmutable());
        }

        /// <summary>The start of a path of the managed object type <paramref name="wireName"/>, or null when the binding has no such type.</summary>
        public PathNode? Root(string wireName) => this.roots.TryGetValue(wireName, out INamedTypeSymbol? root)
            ? new PathNode(PathNodeKind.PathClass, root, this.rootExpressions[root])
            : null;

        /// <summary>The starts of a path of an object of any managed object type (the type is not known statically).</summary>
        public ImmutableArray<PathNode> AnyRoot() => this.roots
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Value)
            .Select(r => new PathNode(PathNodeKind.PathClass, r, expression: null))
            .ToImmutableArray();

        /// <summary>The members of a path class, its bases' included (a root paths class inherits its base type's).</summary>
        public ImmutableArray<PathMember> MembersOf(ITypeSymbol pathClass) => this.members.GetOrAdd(pathClass, this.ReadMembers);

        /// <summary>The name of the data type a path class reads (<c>VirtualMachineRuntimeInfo</c>), else the class's own.</summary>
        public string ValueTypeName(ITypeSymbol pathClass) => (this.symbols.ValueTypeOf(pathClass) ?? pathClass).Name;

        /// <summary>
        /// Whether a type derived from the value type of <paramref name="pathClass"/> has a property named like
        /// <paramref name="name"/> (ignoring case): the property collector may read it from an object of that type, so a
        /// path through it is not an error that can be proven statically.
        /// </summary>
        public bool DerivedTypeMayHave(ITypeSymbol pathClass, string name)
        {
            if (this.symbols.ValueTypeOf(pathClass) is not INamedTypeSymbol valueType)
            {
                return false;
            }

            var pending = new Stack<INamedTypeSymbol>(this.derivedTypes.Value[valueType]);
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            while (pending.Count > 0)
            {
                INamedTypeSymbol type = pending.Pop();
                if (!seen.Add(type))
                {
                    continue;
                }

                if (type.GetMembers().OfType<IPropertySymbol>().Any(p => !p.IsStatic && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }

                foreach (INamedTypeSymbol derived in this.derivedTypes.Value[type])
                {
                    pending.Push(derived);
                }
            }

            return false;
        }

        private ImmutableArray<PathMember> ReadMembers(ITypeSymbol pathClass)
        {
            var result = ImmutableArray.CreateBuilder<PathMember>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (ITypeSymbol? type = pathClass; type is not null && !this.symbols.IsRuntimePathType(type); type = type.BaseType)
            {
                foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    if (this.symbols.WireNameOf(property) is { } wireName && seen.Add(wireName))
                    {
                        result.Add(new PathMember(wireName, property.Name, this.symbols.KindOf(property.Type, out ITypeSymbol destination), destination));
                    }
                }
            }

            return result.ToImmutable();
        }

        private ILookup<ISymbol, INamedTypeSymbol> ReadDerivedTypes() => this.binding.GetTypeMembers()
            .Where(t => t.BaseType is not null)
            .ToLookup(t => (ISymbol)t.BaseType!, t => t, SymbolEqualityComparer.Default);
    }
}
