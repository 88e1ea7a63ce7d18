using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// The opt-in "XmlSerializer twins" mode (MSBuild <c>VimXmlSerializerTwins=true</c>,
    /// <see cref="VimBindingGenerator.XmlSerializerTwinsProperty"/>): instead of the EsxSdk binding, emits the same vim25 types the way wsdl.exe/svcutil proxies declare them — plain classes and
    /// enums with [XmlType]/[XmlElement]/[XmlInclude], <c>XSpecified</c> flags for optional values — so the
    /// benchmarks can measure the classic XmlSerializer approach on exactly the same schema.
    /// </summary>
    internal static class XmlSerializerTwinEmitter
    {
        private const string Xs = "global::System.Xml.Serialization.";

        /// <summary>Every twin source file, by hint name.</summary>
        public static IEnumerable<(string HintName, string Text)> Emit(XmlSerializerTwinFiles files, System.Threading.CancellationToken cancellationToken)
        {
            BindingModel model = files.Model;
            ILookup<string, ClassModel> derived = model.Classes.Where(c => c.BaseWireName != null).ToLookup(c => c.BaseWireName!, StringComparer.Ordinal);
            foreach (SourceChunk chunk in files.Types)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return (chunk.HintName, Emit(chunk, derived));
            }

            yield return (files.ContractHintName, EmitContract(model, files.ContractTypeName));
        }

        private static string Emit(SourceChunk chunk, ILookup<string, ClassModel> derived)
        {
            var w = new IndentedWriter();
            Header(w);
            w.Open("namespace " + chunk.CSharpNamespace);
            bool first = true;
            foreach (ClassModel type in chunk.Classes)
            {
                Separate(w, ref first);
                if (type.IsSimpleContent)
                {
                    EmitSimpleContent(w, type, chunk.TargetNamespace);
                }
                else
                {
                    EmitClass(w, type, derived[type.WireName], chunk.CSharpNamespace, chunk.TargetNamespace);
                }
            }

            foreach (EnumModel type in chunk.Enums)
            {
                Separate(w, ref first);
                EmitEnum(w, type, chunk.TargetNamespace);
            }

            w.Close();
            return w.ToString();
        }

        /// <summary>
        /// The ArrayOfX wrappers (anyType values) and the contract: every operation's request and response
        /// element, and every type, which svcutil lists as [XmlInclude]s on the service contract.
        /// </summary>
        private static string EmitContract(BindingModel model, string contractTypeName)
        {
            string ns = model.CSharpNamespace;
            var responseElements = model.Classes.Where(c => c.IsResponse).ToDictionary(c => "global::" + ns + "." + c.CSharpName, c => c.WireName, StringComparer.Ordinal);
            var w = new IndentedWriter();
            Header(w);
            w.Open("namespace " + ns);
            foreach (ArrayTypeModel array in model.ArrayTypes)
            {
                w.Line("/// <summary>XmlSerializer twin of the vim25 array type <c>" + DocText(array.WireName) + "</c> (an anyType value).</summary>");
                w.Line("[" + Xs + "XmlType(" + Literal(array.WireName) + ", Namespace = " + Literal(model.TargetNamespace) + ")]");
                w.Line(GeneratedCodeAttribute);
                w.Open("public partial class " + array.CSharpName);
                w.Line("/// <summary>The items.</summary>");
                w.Line("[" + Xs + "XmlElement(" + Literal(array.ItemElementName) + ")]");
                w.Line("public " + TwinType(array.ItemType) + "[] Items { get; set; }");
                w.Close();
                w.Line();
            }

            w.Line("/// <summary>The vim25 contract for XmlSerializer: operations with their request/response elements, and all types.</summary>");
            w.Line(GeneratedCodeAttribute);
            w.Open("public static partial class " + contractTypeName);
            w.Line("/// <summary>The XML namespace of the vim25 types and elements.</summary>");
            w.Line("public const string Namespace = " + Literal(model.TargetNamespace) + ";");
            w.Line();
            w.Line("/// <summary>Operation name, request element, request type, response element, response type.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<(string Operation, string RequestElement, global::System.Type Request, string ResponseElement, global::System.Type Response)> Operations { get; } = new (string, string, global::System.Type, string, global::System.Type)[]");
            w.Line("{");
            foreach (OperationModel operation in model.Operations)
            {
                string responseElement = responseElements.TryGetValue(operation.ResponseTypeName, out string? element) ? element : operation.WireName + "Response";
                w.Line("    (" + Literal(operation.WireName) + ", " + Literal(operation.RequestElement) + ", typeof(" + operation.RequestTypeName + "), "
                    + Literal(responseElement) + ", typeof(" + operation.ResponseTypeName + ")),");
            }

            w.Line("};");
            w.Line();
            w.Line("/// <summary>Every type of the contract, for the serializers' includes.</summary>");
            w.Line("public static global::System.Type[] KnownTypes { get; } = new global::System.Type[]");
            w.Line("{");
            foreach (ClassModel type in model.Classes.Where(c => !c.IsResponse))
            {
                w.Line("    typeof(global::" + ns + "." + type.CSharpName + "),");
            }

            foreach (EnumModel type in model.Enums)
            {
                w.Line("    typeof(global::" + ns + "." + type.CSharpName + "),");
            }

            foreach (ArrayTypeModel array in model.ArrayTypes)
            {
                w.Line("    typeof(global::" + ns + "." + array.CSharpName + "),");
            }

            w.Line("};");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void Header(IndentedWriter w)
        {
            w.Line("// <auto-generated/>");
            w.Line("// Generated by EsxSdk.Generator (XmlSerializer twins mode) from the vim25 WSDL: do not edit.");
            // svcutil-style code predates nullable annotations; declaring it oblivious keeps it faithful.
            w.Line("#nullable disable");
            w.Line();
        }

        private static void EmitClass(IndentedWriter w, ClassModel model, IEnumerable<ClassModel> subclasses, string ns, string targetNamespace)
        {
            w.Line("/// <summary>XmlSerializer twin of the vim25 type <c>" + DocText(model.WireName) + "</c>.</summary>");
            w.Line(model.IsResponse
                ? "[" + Xs + "XmlRoot(" + Literal(model.WireName) + ", Namespace = " + Literal(targetNamespace) + ")]"
                : "[" + Xs + "XmlType(" + Literal(model.WireName) + ", Namespace = " + Literal(targetNamespace) + ")]");
            foreach (ClassModel subclass in subclasses.OrderBy(c => c.CSharpName, StringComparer.Ordinal))
            {
                w.Line("[" + Xs + "XmlInclude(typeof(global::" + ns + "." + subclass.CSharpName + "))]");
            }

            w.Line(GeneratedCodeAttribute);
            w.Open("public partial class " + model.CSharpName + (model.IsRoot ? string.Empty : " : global::" + ns + "." + model.BaseCSharpName));
            bool first = true;
            foreach (PropertyModel property in model.Properties)
            {
                Separate(w, ref first);
                EmitProperty(w, property);
            }

            w.Close();
        }

        private static void EmitProperty(IndentedWriter w, PropertyModel property)
        {
            MemberType type = property.Type;
            w.Line("/// <summary>Element <c>" + DocText(property.WireName) + "</c>.</summary>");
            w.Line("[" + Xs + "XmlElement(" + Literal(property.WireName) + ")]");
            w.Line("public " + TwinType(type) + (property.IsArray ? "[]" : string.Empty) + " " + property.CSharpName + " { get; set; }");
            if (!property.IsArray && property.IsOptional && type.IsValueType)
            {
                // wsdl.exe's pattern for optional value types: XmlSerializer writes the element only when set.
                w.Line();
                w.Line("/// <summary>Whether <c>" + DocText(property.WireName) + "</c> is present.</summary>");
                w.Line("[" + Xs + "XmlIgnore]");
                w.Line("public bool " + property.CSharpName.TrimStart('@') + "Specified { get; set; }");
            }
        }

        private static void EmitSimpleContent(IndentedWriter w, ClassModel model, string targetNamespace)
        {
            w.Line("/// <summary>XmlSerializer twin of the vim25 type <c>" + DocText(model.WireName) + "</c>.</summary>");
            w.Line("[" + Xs + "XmlType(" + Literal(model.WireName) + ", Namespace = " + Literal(targetNamespace) + ")]");
            w.Line(GeneratedCodeAttribute);
            w.Open("public partial class " + model.CSharpName);
            foreach (AttributeModel attribute in model.Attributes)
            {
                w.Line("/// <summary>Attribute <c>" + DocText(attribute.WireName) + "</c>.</summary>");
                w.Line("[" + Xs + "XmlAttribute(" + Literal(attribute.WireName) + ")]");
                w.Line("public string " + attribute.CSharpName + " { get; set; }");
                w.Line();
            }

            w.Line("/// <summary>The text content.</summary>");
            w.Line("[" + Xs + "XmlText]");
            w.Line("public string Value { get; set; }");
            w.Close();
        }

        private static void EmitEnum(IndentedWriter w, EnumModel model, string targetNamespace)
        {
            w.Line("/// <summary>XmlSerializer twin of the vim25 enumeration <c>" + DocText(model.WireName) + "</c>.</summary>");
            w.Line("[" + Xs + "XmlType(" + Literal(model.WireName) + ", Namespace = " + Literal(targetNamespace) + ")]");
            w.Line(GeneratedCodeAttribute);
            w.Open("public enum " + model.CSharpName);
            foreach (EnumMemberModel member in model.Members)
            {
                w.Line("/// <summary>Wire value <c>" + DocText(member.WireValue) + "</c>.</summary>");
                w.Line("[" + Xs + "XmlEnum(" + Literal(member.WireValue) + ")]");
                w.Line(member.CSharpName + ",");
            }

            w.Close();
        }

        /// <summary>svcutil's types: xsd:dateTime is a DateTime (XmlSerializer has no DateTimeOffset mapping).</summary>
        private static string TwinType(MemberType type)
            => type.Kind == ValueKind.Primitive && type.WireType == "dateTime" ? "global::System.DateTime" : type.TypeName;

        private static void Separate(IndentedWriter w, ref bool first)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
        }
    }
}
