using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>Emits one vim25 complexType as a partial class with its XML reading and writing.</summary>
    internal static class ClassEmitter
    {
        private const string Serializable = RuntimeTypes.XmlSerializable;

        public static void Emit(IndentedWriter w, ClassModel model, string ns)
        {
            if (model.IsSimpleContent)
            {
                SimpleContentEmitter.Emit(w, model);
                return;
            }

            string kind = model.IsFault ? "fault type" : model.IsResponse ? "response element" : "data object type";
            w.Line("/// <summary>The vim25 " + kind + " <c>" + DocText(model.WireName) + "</c>.</summary>");
            string visibility = model.IsResponse ? "internal " : "public ";
            string modifiers = visibility + (model.HasDerivedTypes ? "partial class " : "sealed partial class ");
            string bases = " : " + (model.IsRoot ? Serializable : "global::" + ns + "." + model.BaseCSharpName);
            w.Line(GeneratedCodeAttribute);
            w.Open(modifiers + model.CSharpName + bases);

            foreach (PropertyModel property in model.Properties)
            {
                EmitProperty(w, property);
                w.Line();
            }

            if (model.IsRoot)
            {
                EmitInterfaceImplementation(w);
            }

            string member = !model.IsRoot ? "private protected override " : model.HasDerivedTypes ? "private protected virtual " : "private ";
            w.Line("/// <summary>The wire name written as xsi:type when this object stands for a base type.</summary>");
            w.Line(member + "string XmlTypeNameCore => " + Literal(model.WireName) + ";");

            if (model.IsRoot || model.Properties.Count > 0)
            {
                EmitWrite(w, model, member);
                EmitRead(w, model, member);
            }

            w.Close();
        }

        private static void EmitProperty(IndentedWriter w, PropertyModel property)
        {
            MemberType type = property.Type;
            string occurs = property.IsArray ? "repeated" : property.IsOptional ? "optional" : "required";
            w.Line("/// <summary>Element <c>" + DocText(property.WireName) + "</c> (" + DocText(type.Kind == ValueKind.Object || type.Kind == ValueKind.Enum ? type.WireType : "xsd:" + type.WireType) + ", " + occurs + ").</summary>");
            string initializer = property.IsArray ? " = global::System.Array.Empty<" + type.TypeName + ">();" : string.Empty;
            w.Line("public " + PropertyType(property) + " " + property.CSharpName + " { get; set; }" + initializer);
        }

        private static void EmitInterfaceImplementation(IndentedWriter w)
        {
            w.Line("string " + Serializable + ".XmlTypeName => this.XmlTypeNameCore;");
            w.Line();
            w.Line("void " + Serializable + ".WriteXml(" + RuntimeTypes.XmlWriter + " writer) => this.WriteXmlCore(writer);");
            w.Line();
            w.List("void " + Serializable + ".ReadXml(" + RuntimeTypes.XmlReader + " reader) => reader.ReadElements", new[] { "this", "static (self, r) => self.ReadXmlElementCore(r)" }, ";");
            w.Line();
        }

        private static void EmitWrite(IndentedWriter w, ClassModel model, string member)
        {
            w.Line();
            w.Open(member + "void WriteXmlCore(" + RuntimeTypes.XmlWriter + " writer)");
            if (!model.IsRoot)
            {
                w.Line("base.WriteXmlCore(writer);");
            }

            foreach (PropertyModel property in model.Properties)
            {
                string name = Literal(property.WireName);
                string value = "this." + property.CSharpName;
                Call write = property.IsArray ? WriteArray(property.Type, name, value) : WriteItem(property.Type, "writer", name, value);
                w.List(write.Callee, write.Arguments, ";");
            }

            w.Close();
        }

        private static void EmitRead(IndentedWriter w, ClassModel model, string member)
        {
            w.Line();
            w.Open(member + "bool ReadXmlElementCore(" + RuntimeTypes.XmlReader + " reader)");
            w.Open("switch (reader.LocalName)");
            foreach (PropertyModel property in model.Properties)
            {
                string target = "this." + property.CSharpName;
                Call read = property.IsArray ? ReadArray(property.Type, target) : ReadItem(property.Type, "reader");
                w.Line("case " + Literal(property.WireName) + ":").Indent();
                w.List(target + " = " + read.Callee, read.Arguments, ";");
                w.Line("return true;").Outdent();
            }

            w.Line("default:").Indent();
            w.Line(model.IsRoot ? "return false;" : "return base.ReadXmlElementCore(reader);").Outdent();
            w.Close();
            w.Close();
        }
    }
}
