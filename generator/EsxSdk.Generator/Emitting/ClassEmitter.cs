using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>Emits one vim25 complexType as a partial class with its XML reading and writing.</summary>
    internal static class ClassEmitter
    {
        private const string Serializable = RuntimeTypes.XmlSerializable;

        private const string HiddenFromDebugger = "[global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]";

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

            OptionalValueLayout layout = OptionalValueLayout.For(model);
            foreach (PropertyModel property in model.Properties)
            {
                if (layout.TryGetSlot(property, out OptionalValueSlot slot))
                {
                    EmitOptionalValueProperty(w, property, slot);
                }
                else
                {
                    EmitProperty(w, property);
                }

                w.Line();
            }

            foreach (FlagsField flags in layout.FlagsFields)
            {
                w.Line(HiddenFromDebugger);
                w.Line("private " + flags.TypeName + " " + flags.Name + ";");
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
            EmitPropertySummary(w, property);
            MemberType type = property.Type;
            string initializer = property.IsArray ? " = global::System.Array.Empty<" + type.TypeName + ">();" : string.Empty;
            w.Line("public " + PropertyType(property) + " " + property.CSharpName + " { get; set; }" + initializer);
        }

        /// <summary>An optional value-type property over its bits and field (<see cref="OptionalValueLayout"/>).</summary>
        private static void EmitOptionalValueProperty(IndentedWriter w, PropertyModel property, OptionalValueSlot slot)
        {
            string flags = "this." + slot.Flags.Name;
            string presence = slot.Flags.Mask(slot.PresenceBit);
            string nullable = PropertyType(property);
            string isSet = "(" + flags + " & " + presence + ") != 0";
            string get;
            string[] set;
            if (slot.BackingField == null)
            {
                string both = slot.Flags.Mask(slot.PresenceBit | slot.ValueBit);
                get = isSet + " ? (" + nullable + ")((" + flags + " & " + slot.Flags.Mask(slot.ValueBit) + ") != 0) : null";
                set = new[] { flags + " = (" + slot.Flags.TypeName + ")((" + flags + " & ~" + both + ") | (value.HasValue ? (value.GetValueOrDefault() ? " + both + " : " + presence + ") : 0));" };
            }
            else
            {
                w.Line(HiddenFromDebugger);
                w.Line("private " + property.Type.TypeName + " " + slot.BackingField + ";");
                w.Line();
                string field = "this." + slot.BackingField;
                get = isSet + " ? (" + nullable + ")" + field + " : null";
                set = new[]
                {
                    field + " = value.GetValueOrDefault();",
                    flags + " = (" + slot.Flags.TypeName + ")((" + flags + " & ~" + presence + ") | (value.HasValue ? " + presence + " : 0));",
                };
            }

            EmitPropertySummary(w, property);
            w.Open("public " + nullable + " " + property.CSharpName);
            w.Line("get => " + get + ";");
            w.Open("set");
            foreach (string statement in set)
            {
                w.Line(statement);
            }

            w.Close();
            w.Close();
        }

        private static void EmitPropertySummary(IndentedWriter w, PropertyModel property)
        {
            MemberType type = property.Type;
            string occurs = property.IsArray ? "repeated" : property.IsOptional ? "optional" : "required";
            w.Line("/// <summary>Element <c>" + DocText(property.WireName) + "</c> (" + DocText(type.Kind == ValueKind.Object || type.Kind == ValueKind.Enum ? type.WireType : "xsd:" + type.WireType) + ", " + occurs + ").</summary>");
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
