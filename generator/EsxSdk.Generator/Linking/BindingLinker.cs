using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>
    /// Links parsed documents into a <see cref="BindingModel"/>: merges declarations, resolves type
    /// references and inheritance, and chooses C# names.
    /// </summary>
    internal sealed partial class BindingLinker
    {
        /// <summary>The generated class mapping wire type names to generated types.</summary>
        private const string RegistryTypeName = "VimTypeRegistry";

        private const string FaultRootWireName = "MethodFault";

        private static readonly string[] ReservedMemberNames =
        {
            "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
            "XmlTypeNameCore", "WriteXmlCore", "ReadXmlElementCore",
        };

        private static readonly string[] ReservedEnumMemberNames =
        {
            "Value", "IsKnown", "KnownValues", "FromWire", "XmlTypeName",
            "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize",
        };

        private readonly List<DiagnosticInfo> diagnostics = new();
        private readonly Dictionary<QualifiedName, ComplexTypeDecl> complexTypes = new();
        private readonly Dictionary<QualifiedName, EnumTypeDecl> enumTypes = new();
        private readonly Dictionary<QualifiedName, SourcePosition> definedAt = new();
        private readonly Dictionary<string, QualifiedName> localNames = new(StringComparer.Ordinal);
        private readonly Dictionary<QualifiedName, ArrayTypeModel?> arrayTypes = new();
        private readonly Dictionary<QualifiedName, string> csharpTypeNames = new();
        private readonly HashSet<string> takenTypeNames = new(StringComparer.Ordinal)
        {
            RegistryTypeName, ServiceTypeName, SourceFileLayout.XmlSerializerContractTypeName,
        };
        private readonly Dictionary<QualifiedName, int> depths = new();
        private readonly Dictionary<QualifiedName, ElementDecl> elements = new();
        private readonly Dictionary<QualifiedName, MessageDecl> messages = new();
        private readonly List<OperationDecl> operations = new();
        private readonly HashSet<QualifiedName> responseTypes = new();
        private readonly CancellationToken cancellationToken;
        private readonly string csharpNamespace;
        private readonly ManagedObjectIndex managedObjects;

        private BindingLinker(string csharpNamespace, ManagedObjectIndex managedObjects, CancellationToken cancellationToken)
        {
            this.csharpNamespace = csharpNamespace;
            this.managedObjects = managedObjects;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>
        /// Links the documents, with the optional managed-object model (none: an empty array), under the options: the
        /// binding to emit, or none, and every diagnostic.
        /// </summary>
        public static LinkResult Link(ImmutableArray<SchemaDocument> documents, ImmutableArray<ManagedObjectDocument> managedObjects, GeneratorOptions options, CancellationToken cancellationToken)
        {
            if (documents.IsEmpty)
            {
                // Projects without WSDL (e.g. package consumers using the built-in binding) get nothing and no noise.
                return new LinkResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            // An unreadable model has no types (its diagnostic says so): the binding is linked as without it.
            var linker = new BindingLinker(options.CSharpNamespace, ManagedObjectIndex.Build(managedObjects), cancellationToken);
            BindingModel? model = linker.LinkCore(documents, options.EmitTaskWrappers);
            foreach (ManagedObjectDocument document in managedObjects.OrderBy(d => d.Path, StringComparer.Ordinal))
            {
                linker.diagnostics.AddRange(document.Diagnostics);
            }

            if (options.RejectedNamespace is { } rejected)
            {
                linker.diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.InvalidNamespace, null, rejected, options.CSharpNamespace));
            }

            EquatableArray<DiagnosticInfo> diagnostics = linker.diagnostics.ToEquatableArray();
            return new LinkResult(diagnostics.Any(d => d.IsError) ? null : model, diagnostics);
        }

        private BindingModel? LinkCore(ImmutableArray<SchemaDocument> documents, bool emitTaskWrappers)
        {
            foreach (SchemaDocument document in documents.OrderBy(d => d.Path, StringComparer.Ordinal))
            {
                this.diagnostics.AddRange(document.Diagnostics);
            }

            if (documents.Any(d => d.Kind == DocumentKind.Invalid))
            {
                // Linking without an unreadable file only adds a cascade of "undefined type" errors.
                return null;
            }

            ImmutableArray<SchemaDocument> reachable = DocumentSet.Reachable(documents, this.diagnostics);
            if (reachable.IsEmpty)
            {
                return null;
            }

            foreach (SchemaDocument document in reachable)
            {
                this.Collect(document);
            }

            string targetNamespace = this.TargetNamespace();
            List<ComplexTypeDecl> classDecls = this.ClassifyComplexTypes();
            this.NameTypes(classDecls);
            List<ClassModel> classes = this.BuildClasses(classDecls);
            List<EnumModel> enums = this.BuildEnums();
            List<ArrayTypeModel> arrays = this.BuildArrayTypes();
            List<OperationModel> operationModels = this.BuildOperations(classes);

            return new BindingModel(
                this.csharpNamespace,
                targetNamespace,
                ServiceTypeName,
                RegistryTypeName,
                classes.OrderBy(c => c.CSharpName, StringComparer.Ordinal).ToEquatableArray(),
                enums.OrderBy(e => e.CSharpName, StringComparer.Ordinal).ToEquatableArray(),
                arrays.OrderBy(a => a.WireName, StringComparer.Ordinal).ToEquatableArray(),
                WrittenArrayTypes(arrays),
                operationModels.OrderBy(o => o.WireName, StringComparer.Ordinal).ToEquatableArray(),
                this.BuildFaultElements(classes),
                this.WsdlApiVersion(),
                emitTaskWrappers,
                ObjectModelLinker.Link(this.managedObjects, this.csharpNamespace, classes, enums, emitTaskWrappers, this.diagnostics));
        }

        private void Collect(SchemaDocument document)
        {
            foreach (ComplexTypeDecl type in document.ComplexTypes)
            {
                if (this.Define(type.Name, type.Position))
                {
                    this.complexTypes.Add(type.Name, type);
                }
            }

            foreach (EnumTypeDecl type in document.EnumTypes)
            {
                if (this.Define(type.Name, type.Position))
                {
                    this.enumTypes.Add(type.Name, type);
                }
            }

            foreach (ElementDecl element in document.Elements)
            {
                if (this.elements.ContainsKey(element.Name))
                {
                    this.Report(GeneratorDescriptors.DuplicateDefinition, element.Position, element.Name.Name, this.elements[element.Name].Position.Path);
                    continue;
                }

                this.elements.Add(element.Name, element);

                // An element's anonymous type (the vim25 responses) becomes an internal class named after it.
                if (element.AnonymousType is { } anonymous && this.Define(anonymous.Name, anonymous.Position))
                {
                    this.complexTypes.Add(anonymous.Name, anonymous);
                    this.responseTypes.Add(anonymous.Name);
                }
            }

            foreach (MessageDecl message in document.Messages)
            {
                this.messages[message.Name] = message;
            }

            this.operations.AddRange(document.Operations);
        }

        private bool Define(QualifiedName name, SourcePosition position)
        {
            if (this.definedAt.TryGetValue(name, out SourcePosition? first))
            {
                string where = first.Path + "(" + first.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
                this.Report(GeneratorDescriptors.DuplicateDefinition, position, name.Name, where);
                return false;
            }

            // Wire type names (xsi:type, the registry) are local names: one binding holds one type per name.
            if (this.localNames.TryGetValue(name.Name, out QualifiedName? other))
            {
                SourcePosition at = this.definedAt[other];
                string where = at.Path + "(" + at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ") in namespace '" + other.Namespace + "'";
                this.Report(GeneratorDescriptors.DuplicateDefinition, position, name.Name, where);
                return false;
            }

            this.definedAt.Add(name, position);
            this.localNames.Add(name.Name, name);
            return true;
        }

        /// <summary>The namespace most types live in (urn:vim25): elements are written in it.</summary>
        private string TargetNamespace() => this.complexTypes.Keys
            .GroupBy(k => k.Namespace)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? string.Empty;

        /// <summary>Splits ArrayOfX wrappers (mapped to X[]) from the types that become classes.</summary>
        private List<ComplexTypeDecl> ClassifyComplexTypes()
        {
            var classes = new List<ComplexTypeDecl>();
            foreach (ComplexTypeDecl type in this.complexTypes.Values)
            {
                bool isArrayWrapper = type.Name.Name.StartsWith("ArrayOf", StringComparison.Ordinal)
                    && type.BaseType == null
                    && type.Content == ContentKind.Sequence
                    && type.Attributes.Count == 0
                    && type.Elements.Count == 1
                    && type.Elements[0].IsRepeated;
                if (isArrayWrapper)
                {
                    this.arrayTypes.Add(type.Name, null);
                }
                else
                {
                    classes.Add(type);
                }
            }

            return classes;
        }

        private void NameTypes(List<ComplexTypeDecl> classDecls)
        {
            IEnumerable<QualifiedName> names = classDecls.Select(c => c.Name).Concat(this.enumTypes.Keys)
                .OrderBy(n => n.Name, StringComparer.Ordinal)
                .ThenBy(n => n.Namespace, StringComparer.Ordinal);
            foreach (QualifiedName name in names)
            {
                this.csharpTypeNames[name] = CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(name.Name), this.takenTypeNames, "Type");
            }
        }

        private List<ClassModel> BuildClasses(List<ComplexTypeDecl> classDecls)
        {
            var valid = new Dictionary<QualifiedName, ComplexTypeDecl>();
            foreach (ComplexTypeDecl type in classDecls)
            {
                if (this.CheckBase(type))
                {
                    valid.Add(type.Name, type);
                }
            }

            var withDerived = new HashSet<QualifiedName>(valid.Values.Where(t => t.Content == ContentKind.Sequence && t.BaseType != null).Select(t => t.BaseType!));
            var propertyNames = new Dictionary<QualifiedName, HashSet<string>>();
            var result = new List<ClassModel>();

            // Bases first, so a derived type knows the C# names its ancestors took.
            foreach (ComplexTypeDecl type in valid.Values.OrderBy(t => this.Depth(t.Name)).ThenBy(t => t.Name.Name, StringComparer.Ordinal))
            {
                this.cancellationToken.ThrowIfCancellationRequested();
                string csharpName = this.csharpTypeNames[type.Name];
                bool isSimpleContent = type.Content == ContentKind.SimpleContent;
                QualifiedName? baseName = isSimpleContent ? null : type.BaseType;
                var taken = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { csharpName };
                if (baseName != null)
                {
                    taken.UnionWith(propertyNames[baseName]);
                }

                if (isSimpleContent)
                {
                    taken.Add("Value");
                }

                var properties = new List<PropertyModel>();
                foreach (ElementMember member in type.Elements)
                {
                    if (this.ResolveValueType(member.Type, type.Name.Name + "." + member.Name, member.Position) is { } valueType)
                    {
                        string name = CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(member.Name), taken, "Value");
                        properties.Add(new PropertyModel(member.Name, name, valueType, member.IsRepeated, member.IsOptional));
                    }
                }

                var attributes = new List<AttributeModel>();
                foreach (AttributeMember attribute in type.Attributes)
                {
                    if (!isSimpleContent)
                    {
                        this.Report(GeneratorDescriptors.UnsupportedConstruct, attribute.Position, "attribute", "attributes are supported on simpleContent types only, not on '" + type.Name.Name + "'");
                        continue;
                    }

                    MemberType? valueType = this.ResolveValueType(attribute.Type, type.Name.Name + "@" + attribute.Name, attribute.Position);
                    if (valueType is { Kind: ValueKind.Primitive, TypeName: "string" })
                    {
                        string name = CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(attribute.Name), taken, "Value");
                        attributes.Add(new AttributeModel(attribute.Name, name, valueType, attribute.IsRequired, CSharpNaming.AttributeField(name), CSharpNaming.AttributeParameter(name)));
                    }
                    else if (valueType != null)
                    {
                        this.Report(GeneratorDescriptors.UnsupportedConstruct, attribute.Position, "attribute", "attribute '" + attribute.Name + "' must be of type xsd:string");
                    }
                }

                propertyNames[type.Name] = taken;
                result.Add(new ClassModel(
                    type.Name.Name,
                    csharpName,
                    baseName?.Name,
                    baseName == null ? null : this.csharpTypeNames[baseName],
                    withDerived.Contains(type.Name),
                    this.IsFault(type),
                    isSimpleContent,
                    this.responseTypes.Contains(type.Name),
                    this.Depth(type.Name),
                    properties.ToEquatableArray(),
                    attributes.ToEquatableArray()));
            }

            return result;
        }

        /// <summary>Checks the base type: a known class for complexContent, an xsd primitive for simpleContent, no cycle.</summary>
        private bool CheckBase(ComplexTypeDecl type)
        {
            if (type.BaseType == null)
            {
                return true;
            }

            if (type.Content == ContentKind.SimpleContent)
            {
                if (XsdPrimitives.TryGet(type.BaseType, out MemberType primitive) && primitive.Kind == ValueKind.Primitive && primitive.TypeName == "string")
                {
                    return true;
                }

                this.Report(GeneratorDescriptors.InvalidInheritance, type.Position, type.Name.Name, type.BaseType.Name, "simpleContent must extend xsd:string");
                return false;
            }

            var seen = new HashSet<QualifiedName> { type.Name };
            QualifiedName? current = type.BaseType;
            while (current != null)
            {
                if (!this.complexTypes.TryGetValue(current, out ComplexTypeDecl? baseDecl) || this.arrayTypes.ContainsKey(current))
                {
                    string reason = this.enumTypes.ContainsKey(current) || XsdPrimitives.TryGet(current, out _)
                        ? "complexContent must extend a complex type"
                        : this.arrayTypes.ContainsKey(current) ? "an ArrayOf wrapper cannot be a base type" : "the base type is not defined";
                    this.Report(GeneratorDescriptors.InvalidInheritance, type.Position, type.Name.Name, current.Name, reason);
                    return false;
                }

                if (baseDecl.Content == ContentKind.SimpleContent)
                {
                    this.Report(GeneratorDescriptors.InvalidInheritance, type.Position, type.Name.Name, current.Name, "a simpleContent type cannot be a base type");
                    return false;
                }

                if (!seen.Add(current))
                {
                    this.Report(GeneratorDescriptors.InvalidInheritance, type.Position, type.Name.Name, current.Name, "the inheritance chain is circular");
                    return false;
                }

                current = baseDecl.BaseType;
            }

            return true;
        }

        /// <summary>1 for a root class, one more per base; only called on types whose chain was checked.</summary>
        private int Depth(QualifiedName name)
        {
            if (this.depths.TryGetValue(name, out int depth))
            {
                return depth;
            }

            ComplexTypeDecl type = this.complexTypes[name];
            depth = type.BaseType == null || type.Content == ContentKind.SimpleContent ? 1 : this.Depth(type.BaseType) + 1;
            this.depths[name] = depth;
            return depth;
        }

        private bool IsFault(ComplexTypeDecl type)
        {
            for (ComplexTypeDecl? current = type; current != null; current = current.BaseType != null && this.complexTypes.TryGetValue(current.BaseType, out ComplexTypeDecl? b) ? b : null)
            {
                if (current.Name.Name == FaultRootWireName)
                {
                    return true;
                }
            }

            return false;
        }

        private MemberType? ResolveValueType(QualifiedName type, string usedBy, SourcePosition position)
        {
            if (XsdPrimitives.TryGet(type, out MemberType primitive))
            {
                return primitive;
            }

            if (type.Namespace == Parsing.XmlNamespaces.Schema)
            {
                this.Report(GeneratorDescriptors.UnsupportedConstruct, position, "xsd:" + type.Name, "the xsd built-in type used by '" + usedBy + "'");
                return null;
            }

            if (this.enumTypes.ContainsKey(type))
            {
                return new MemberType(ValueKind.Enum, this.Qualify(type), type.Name, null, true, 1);
            }

            if (this.arrayTypes.ContainsKey(type))
            {
                this.Report(GeneratorDescriptors.UnsupportedConstruct, position, type.Name, "'" + usedBy + "' is typed by an ArrayOf wrapper; use maxOccurs=\"unbounded\" on the item type");
                return null;
            }

            if (this.complexTypes.ContainsKey(type) && this.csharpTypeNames.ContainsKey(type))
            {
                return new MemberType(ValueKind.Object, this.Qualify(type), type.Name, null, false, this.SafeDepth(type));
            }

            this.Report(GeneratorDescriptors.UnknownType, position, type.Name, usedBy);
            return null;
        }

        private int SafeDepth(QualifiedName type)
        {
            var seen = new HashSet<QualifiedName>();
            int depth = 0;
            for (QualifiedName? current = type; current != null && seen.Add(current) && this.complexTypes.TryGetValue(current, out ComplexTypeDecl? decl); current = decl.Content == ContentKind.SimpleContent ? null : decl.BaseType)
            {
                depth++;
            }

            return depth;
        }

        private string Qualify(QualifiedName type) => "global::" + this.csharpNamespace + "." + this.csharpTypeNames[type];

        private List<EnumModel> BuildEnums()
        {
            var result = new List<EnumModel>();
            foreach (EnumTypeDecl type in this.enumTypes.Values)
            {
                string csharpName = this.csharpTypeNames[type.Name];
                var taken = new HashSet<string>(ReservedEnumMemberNames, StringComparer.Ordinal) { csharpName };
                var members = new List<EnumMemberModel>();
                foreach (string value in type.Values.Distinct(StringComparer.Ordinal))
                {
                    members.Add(new EnumMemberModel(value, CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(value), taken, "Value")));
                }

                result.Add(new EnumModel(type.Name.Name, csharpName, members.ToEquatableArray()));
            }

            return result;
        }

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourcePosition position, params string[] arguments)
            => this.diagnostics.Add(DiagnosticInfo.Create(descriptor, position, arguments));
    }
}
