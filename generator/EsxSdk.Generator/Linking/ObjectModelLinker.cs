using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Common;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>
    /// Links the managed-object model against the linked binding into typed views and property paths: names every class
    /// and member, resolves each property's wire type to the binding's C# type, and skips (with ESXG012, an info) items
    /// naming a type the binding lacks. Without a model there is nothing to link.
    /// </summary>
    internal sealed class ObjectModelLinker
    {
        /// <summary>The namespace of views and paths, under the binding's: a view never shares a name with a binding type.</summary>
        public const string NamespaceSuffix = RuntimeNames.ObjectsNamespaceSuffix;

        private const string ViewSuffix = "View";
        private const string PathsSuffix = "Paths";
        private const string PathSuffix = "Path";
        private const string ClashSuffix = "Object";
        private const string ManagedObjectReferenceType = "ManagedObjectReference";
        private const string PropertyPathOfT = "global::" + RuntimeNames.Types.PropertyPathOfT;

        private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals" };
        private static readonly string[] ViewMembers =
        {
            "Reference", "Retrieved", "Get", RuntimeNames.Methods.PropertyValue, RuntimeNames.Methods.PropertyValues, "Paths", "ManagedObjectType", "Create",
        };

        private static readonly string[] PathMembers = { "Path", RuntimeNames.Methods.Child };

        private readonly ManagedObjectIndex index;
        private readonly string bindingNamespace;
        private readonly string objectsNamespace;
        private readonly Dictionary<string, ClassModel> classes;
        private readonly Dictionary<string, ClassModel> classesByCSharpName;
        private readonly Dictionary<string, EnumModel> enums;
        private readonly HashSet<string> takenTypeNames;
        private readonly Dictionary<string, string> pathTypeNames = new(StringComparer.Ordinal);
        private readonly List<DiagnosticInfo> diagnostics;

        private ObjectModelLinker(ManagedObjectIndex index, string bindingNamespace, IEnumerable<ClassModel> classes, IEnumerable<EnumModel> enums, List<DiagnosticInfo> diagnostics)
        {
            this.index = index;
            this.bindingNamespace = bindingNamespace;
            this.objectsNamespace = bindingNamespace + NamespaceSuffix;
            var dataTypes = classes.Where(c => !c.IsResponse).ToList();
            this.classes = dataTypes.GroupBy(c => c.WireName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            this.classesByCSharpName = dataTypes.ToDictionary(c => c.CSharpName, StringComparer.Ordinal);
            this.enums = enums.GroupBy(e => e.WireName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

            // Names already used by the binding: a view or path named like one would be ambiguous where both namespaces are imported.
            this.takenTypeNames = new HashSet<string>(dataTypes.Select(c => c.CSharpName).Concat(enums.Select(e => e.CSharpName)), StringComparer.Ordinal);
            this.diagnostics = diagnostics;
        }

        /// <summary>
        /// The views and paths of the model, or null without a model or without a ManagedObjectReference type in the binding.
        /// Views are made only when <paramref name="emitViews"/> (the runtime's own binding: a view holds its reference type).
        /// </summary>
        public static ObjectModel? Link(ManagedObjectIndex index, string bindingNamespace, IEnumerable<ClassModel> classes, IEnumerable<EnumModel> enums, bool emitViews, List<DiagnosticInfo> diagnostics)
        {
            if (!index.HasModel)
            {
                return null;
            }

            var linker = new ObjectModelLinker(index, bindingNamespace, classes, enums, diagnostics);
            return linker.classes.ContainsKey(ManagedObjectReferenceType) ? linker.LinkCore(emitViews) : null;
        }

        private ObjectModel LinkCore(bool emitViews)
        {
            var types = this.index.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
            var viewNames = new Dictionary<string, string>(StringComparer.Ordinal);
            var pathsNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (ManagedObjectTypeDecl type in this.index.Types.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                viewNames.Add(type.Name, CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(type.Name).TrimStart('@') + ViewSuffix, this.takenTypeNames, ClashSuffix));
                pathsNames.Add(type.Name, CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(type.Name).TrimStart('@') + PathsSuffix, this.takenTypeNames, ClashSuffix));
            }

            Dictionary<string, List<string>> derived = DerivedTypes(this.index.Types, types);
            var memberNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var views = new List<ViewModel>();
            foreach (ManagedObjectTypeDecl type in BasesFirst(this.index.Types, types))
            {
                string? baseName = type.Base != null && types.ContainsKey(type.Base) ? type.Base : null;
                var taken = baseName != null
                    ? new HashSet<string>(memberNames[baseName], StringComparer.Ordinal)
                    : new HashSet<string>(ObjectMembers.Concat(ViewMembers), StringComparer.Ordinal);
                var inherited = new HashSet<string>(InheritedPropertyNames(type, types), StringComparer.Ordinal);
                taken.Add(viewNames[type.Name]);
                taken.Add(pathsNames[type.Name]);
                var properties = new List<ViewPropertyModel>();
                foreach (ManagedPropertyDecl property in type.Properties.Where(p => !inherited.Contains(p.Name)))
                {
                    if (this.ViewProperty(type.Name, property, taken) is { } model)
                    {
                        properties.Add(model);
                    }
                }

                memberNames.Add(type.Name, taken);
                views.Add(new ViewModel(
                    type.Name,
                    viewNames[type.Name],
                    baseName == null ? null : this.QualifyObject(viewNames[baseName]),
                    pathsNames[type.Name],
                    baseName == null ? null : this.QualifyObject(pathsNames[baseName]),
                    (derived.TryGetValue(type.Name, out List<string>? below) ? below : new List<string>()).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
                    properties.ToEquatableArray()));
            }

            return new ObjectModel(
                this.objectsNamespace,
                this.Qualify(this.classes[ManagedObjectReferenceType].CSharpName),
                views.OrderBy(v => v.WireName, StringComparer.Ordinal).ToEquatableArray(),
                this.PathTypes().OrderBy(p => p.DataWireName, StringComparer.Ordinal).ToEquatableArray(),
                emitViews);
        }

        /// <summary>A managed object property as a view property, or null (ESXG012) when the binding lacks its type.</summary>
        private ViewPropertyModel? ViewProperty(string owner, ManagedPropertyDecl property, HashSet<string> taken)
        {
            string? itemType = this.ModelItemType(property.Type);
            if (itemType == null)
            {
                this.diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.ManagedObjectItemSkipped, null, owner + "." + property.Name, property.Type.Name));
                return null;
            }

            string name = CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(property.Name), taken, "Property");
            string pathType = property.Type.IsArray ? Path(itemType + "[]")
                : property.Type.Kind == "data" && this.classes.TryGetValue(property.Type.Name, out ClassModel? data) && !data.IsSimpleContent ? this.PathTypeOf(data)
                : Path(itemType);
            return new ViewPropertyModel(property.Name, name, itemType, property.Type.IsArray, pathType, property.Type.Kind == "managed" ? property.Type.Name : null);
        }

        /// <summary>
        /// The C# type of one item of a model type (value types nullable, except as list items: a list has no unset items),
        /// or null when the binding lacks it.
        /// </summary>
        private string? ModelItemType(ManagedTypeRef type)
        {
            switch (type.Kind)
            {
                case "managed":
                    return this.Qualify(this.classes[ManagedObjectReferenceType].CSharpName);
                case "data":
                    return this.classes.TryGetValue(type.Name, out ClassModel? data) ? this.Qualify(data.CSharpName) : null;
                case "enum":
                    return this.enums.TryGetValue(type.Name, out EnumModel? enumeration) ? this.Qualify(enumeration.CSharpName) + (type.IsArray ? string.Empty : "?") : null;
                case "primitive":
                    return XsdPrimitives.TryGet(new QualifiedName(Parsing.XmlNamespaces.Schema, type.Name), out MemberType primitive)
                        ? primitive.TypeName + (primitive.IsValueType && !type.IsArray ? "?" : string.Empty)
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>The path class of a data type, named now and built by <see cref="PathTypes"/> (every type reached).</summary>
        private string PathTypeOf(ClassModel data)
        {
            if (!this.pathTypeNames.TryGetValue(data.WireName, out string? name))
            {
                name = CSharpNaming.MakeUnique(data.CSharpName.TrimStart('@') + PathSuffix, this.takenTypeNames, ClashSuffix);
                this.pathTypeNames.Add(data.WireName, name);
            }

            return this.QualifyObject(name);
        }

        /// <summary>Every path class reached from the views' properties, and the ones their members reach in turn.</summary>
        private List<PathTypeModel> PathTypes()
        {
            var result = new List<PathTypeModel>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            for (bool added = true; added;)
            {
                added = false;
                foreach (KeyValuePair<string, string> entry in this.pathTypeNames.ToList())
                {
                    if (done.Add(entry.Key))
                    {
                        result.Add(this.PathType(this.classes[entry.Key], entry.Value));
                        added = true;
                    }
                }
            }

            return result;
        }

        private PathTypeModel PathType(ClassModel data, string name)
        {
            var taken = new HashSet<string>(ObjectMembers.Concat(PathMembers), StringComparer.Ordinal) { name };
            var members = new List<PathMemberModel>();
            foreach (PropertyModel property in this.AllProperties(data))
            {
                string item = property.Type.TypeName + (property.Type.IsValueType ? "?" : string.Empty);
                string pathType = property.IsArray ? Path(property.Type.TypeName + "[]")
                    : property.Type.Kind == ValueKind.Object && this.classes.TryGetValue(property.Type.WireType, out ClassModel? nested) && !nested.IsSimpleContent ? this.PathTypeOf(nested)
                    : Path(item);
                members.Add(new PathMemberModel(property.WireName, CSharpNaming.MakeUnique(property.CSharpName, taken, "Property"), pathType));
            }

            return new PathTypeModel(name, data.WireName, this.Qualify(data.CSharpName), members.ToEquatableArray());
        }

        /// <summary>A class's members with its ancestors' first (a path has the members of the declared type and its bases).</summary>
        private IEnumerable<PropertyModel> AllProperties(ClassModel type)
        {
            var chain = new Stack<ClassModel>();
            for (ClassModel? current = type; current != null; current = current.BaseCSharpName != null && this.classesByCSharpName.TryGetValue(current.BaseCSharpName, out ClassModel? b) ? b : null)
            {
                chain.Push(current);
            }

            return chain.SelectMany(c => c.Properties);
        }

        /// <summary>The model's types with every base before the types deriving from it (a cycle is broken where found).</summary>
        private static IEnumerable<ManagedObjectTypeDecl> BasesFirst(IReadOnlyList<ManagedObjectTypeDecl> all, Dictionary<string, ManagedObjectTypeDecl> types)
        {
            var placed = new HashSet<string>(StringComparer.Ordinal);
            var ordered = new List<ManagedObjectTypeDecl>();
            foreach (ManagedObjectTypeDecl type in all.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                var chain = new Stack<ManagedObjectTypeDecl>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (ManagedObjectTypeDecl? current = type; current != null && !placed.Contains(current.Name) && seen.Add(current.Name);)
                {
                    chain.Push(current);
                    current = current.Base != null && types.TryGetValue(current.Base, out ManagedObjectTypeDecl? b) ? b : null;
                }

                foreach (ManagedObjectTypeDecl item in chain)
                {
                    placed.Add(item.Name);
                    ordered.Add(item);
                }
            }

            return ordered;
        }

        /// <summary>Per type, the types derived from it at any depth (a cycle in the bases is cut where found).</summary>
        private static Dictionary<string, List<string>> DerivedTypes(IReadOnlyList<ManagedObjectTypeDecl> all, Dictionary<string, ManagedObjectTypeDecl> types)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (ManagedObjectTypeDecl type in all)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal) { type.Name };
                for (string? current = type.Base; current != null && types.ContainsKey(current) && seen.Add(current); current = types[current].Base)
                {
                    if (!result.TryGetValue(current, out List<string>? list))
                    {
                        result.Add(current, list = new List<string>());
                    }

                    list.Add(type.Name);
                }
            }

            return result;
        }

        /// <summary>The property names of the type's bases (a property the model repeats on a derived type is the base's).</summary>
        private static IEnumerable<string> InheritedPropertyNames(ManagedObjectTypeDecl type, Dictionary<string, ManagedObjectTypeDecl> types)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { type.Name };
            for (string? current = type.Base; current != null && seen.Add(current) && types.TryGetValue(current, out ManagedObjectTypeDecl? b); current = b.Base)
            {
                foreach (ManagedPropertyDecl property in b.Properties)
                {
                    yield return property.Name;
                }
            }
        }

        private static string Path(string valueType) => PropertyPathOfT.Substring(0, PropertyPathOfT.IndexOf('`')) + "<" + valueType + ">";

        private string QualifyObject(string csharpName) => "global::" + this.objectsNamespace + "." + csharpName;

        private string Qualify(string csharpName) => "global::" + this.bindingNamespace + "." + csharpName;
    }
}
