using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Analyzers.PropertyPaths
{
    /// <summary>
    /// The verdict on one property path string: valid (with its typed path when one type was given and every step is a
    /// generated member), or not, with why and, when every wrong step is near a real one, the corrected path.
    /// </summary>
    internal sealed class PathCheck
    {
        private PathCheck(bool isValid, string? typedPath, string? problem, string? suggestion)
        {
            this.IsValid = isValid;
            this.TypedPath = typedPath;
            this.Problem = problem;
            this.Suggestion = suggestion;
        }

        public bool IsValid { get; }

        /// <summary>How to write the path typed (<c>VirtualMachineView.Paths.Runtime.PowerState</c>), or null.</summary>
        public string? TypedPath { get; }

        /// <summary>Why the path is wrong (<c>VirtualMachineRuntimeInfo has no property 'powerstate'</c>).</summary>
        public string? Problem { get; }

        /// <summary>The nearest valid path (<c>runtime.powerState</c>), or null.</summary>
        public string? Suggestion { get; }

        /// <summary>
        /// Follows <paramref name="path"/> from <paramref name="starts"/> (one root of the type <paramref name="owner"/>, or every
        /// root when the type is not known and <paramref name="owner"/> is null):
        /// a step must be a member of some current path class. What cannot be decided is valid: a step after <c>anyType</c>,
        /// a property of a type derived from the declared one, anything after an index (<c>device[4000]</c>).
        /// </summary>
        public static PathCheck Check(PathCatalog catalog, ImmutableArray<PathNode> starts, string? owner, string path)
        {
            int index = path.IndexOf('[');
            string[] steps = (index >= 0 ? path.Substring(0, index) : path).Split('.');
            List<PathNode> current = starts.ToList();
            for (int i = 0; i < steps.Length; i++)
            {
                if (current.Any(n => n.Kind == PathNodeKind.Unknown))
                {
                    return Valid(null);
                }

                List<PathNode> next = Step(catalog, current, steps[i]);
                if (next.Count == 0)
                {
                    return current.Any(n => n.Kind == PathNodeKind.PathClass && catalog.DerivedTypeMayHave(n.Type, steps[i]))
                        ? Valid(null)
                        : new PathCheck(false, null, Explain(catalog, current, owner, steps, i), Suggest(catalog, starts, steps, index >= 0 ? path.Substring(index) : string.Empty));
                }

                current = next;
            }

            return Valid(index < 0 && current.Count == 1 ? current[0].Expression : null);
        }

        private static PathCheck Valid(string? typedPath) => new(true, typedPath, null, null);

        /// <summary>The destinations of a step from every current node (duplicates reached through several roots merged).</summary>
        private static List<PathNode> Step(PathCatalog catalog, List<PathNode> current, string name)
        {
            var next = new List<PathNode>();
            var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (PathNode node in current.Where(n => n.Kind == PathNodeKind.PathClass))
            {
                foreach (PathMember member in catalog.MembersOf(node.Type))
                {
                    if (member.WireName == name && seen.Add(member.Type))
                    {
                        next.Add(new PathNode(member.Kind, member.Type, node.Expression is null ? null : node.Expression + "." + member.MemberName));
                    }
                }
            }

            return next;
        }

        private static string Explain(PathCatalog catalog, List<PathNode> current, string? owner, string[] steps, int failed)
        {
            string previous = string.Join(".", steps, 0, failed);
            if (current.All(n => n.Kind == PathNodeKind.List))
            {
                return "'" + previous + "' is a list, which the property collector cannot step into";
            }

            if (current.All(n => n.Kind != PathNodeKind.PathClass))
            {
                return "'" + previous + "' is a value of type " + Display(current[0].Type) + ", which has no properties";
            }

            if (failed == 0)
            {
                return owner is null ? "no managed object type has a property '" + steps[0] + "'" : owner + " has no property '" + steps[0] + "'";
            }

            var types = current.Where(n => n.Kind == PathNodeKind.PathClass).Select(n => catalog.ValueTypeName(n.Type)).Distinct().ToList();
            return types.Count == 1
                ? types[0] + " has no property '" + steps[failed] + "'"
                : "no type of '" + previous + "' has a property '" + steps[failed] + "'";
        }

        private static string Display(ITypeSymbol type)
            => (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type)
                .ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        /// <summary>The path with every unknown step replaced by its nearest member, or null when one has none near enough.</summary>
        private static string? Suggest(PathCatalog catalog, ImmutableArray<PathNode> starts, string[] steps, string indexed)
        {
            List<PathNode> current = starts.ToList();
            var corrected = new string[steps.Length];
            for (int i = 0; i < steps.Length; i++)
            {
                if (current.Any(n => n.Kind == PathNodeKind.Unknown))
                {
                    Array.Copy(steps, i, corrected, i, steps.Length - i);
                    break;
                }

                List<PathNode> next = Step(catalog, current, steps[i]);
                corrected[i] = steps[i];
                if (next.Count == 0)
                {
                    IEnumerable<string> candidates = current.Where(n => n.Kind == PathNodeKind.PathClass).SelectMany(n => catalog.MembersOf(n.Type)).Select(m => m.WireName);
                    if (EditDistance.Nearest(steps[i], candidates) is not { } nearest)
                    {
                        return null;
                    }

                    corrected[i] = nearest;
                    next = Step(catalog, current, nearest);
                }

                current = next;
            }

            return string.Join(".", corrected) + indexed;
        }
    }
}
