using System.Linq;
using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// Emits a simpleContent type (ManagedObjectReference): string attributes plus text, immutable,
    /// with value equality so references can be compared and used as dictionary keys.
    /// </summary>
    internal static class SimpleContentEmitter
    {
        private const string Serializable = RuntimeTypes.XmlSerializable;

        public static void Emit(IndentedWriter w, ClassModel model)
        {
            string name = model.CSharpName;
            w.Line("/// <summary>The vim25 type <c>" + DocText(model.WireName) + "</c>: a text value with attributes, compared by value.</summary>");
            w.Line(GeneratedCodeAttribute);
            w.Open("public sealed partial class " + name + " : " + Serializable + ", global::System.IEquatable<" + name + ">");

            foreach (AttributeModel attribute in model.Attributes)
            {
                w.Line("private string " + attribute.FieldName + " = string.Empty;");
            }

            w.Line("private string value = string.Empty;");
            w.Line();
            w.Line("/// <summary>Creates an empty instance (for deserialization and object initializers).</summary>");
            w.Line("public " + name + "()");
            w.Line("{");
            w.Line("}");
            w.Line();

            w.Line("/// <summary>Creates an instance from its attribute values and text value.</summary>");
            w.OpenList("public " + name, model.Attributes.Select(a => "string " + a.ParameterName).Concat(new[] { "string value" }).ToList());
            foreach (AttributeModel attribute in model.Attributes)
            {
                w.Line("this." + attribute.CSharpName + " = " + attribute.ParameterName + ";");
            }

            w.Line("this.Value = value;");
            w.Close();

            foreach (AttributeModel attribute in model.Attributes)
            {
                w.Line();
                w.Line("/// <summary>Attribute <c>" + DocText(attribute.WireName) + "</c>.</summary>");
                w.Open("public string " + attribute.CSharpName);
                w.Line("get => this." + attribute.FieldName + ";");
                w.Line("init => this." + attribute.FieldName + " = value ?? throw new global::System.ArgumentNullException(nameof(value));");
                w.Close();
            }

            w.Line();
            w.Line("/// <summary>The text content.</summary>");
            w.Open("public string Value");
            w.Line("get => this.value;");
            w.Line("init => this.value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            w.Close();

            EmitEquality(w, model);
            EmitSerialization(w, model);
            w.Close();
        }

        private static void EmitEquality(IndentedWriter w, ClassModel model)
        {
            string name = model.CSharpName;
            string[] fields = model.Attributes.Select(a => a.FieldName).Concat(new[] { "value" }).ToArray();
            w.Line();
            w.Line("/// <inheritdoc/>");
            var comparisons = new[] { "other is not null" }.Concat(fields.Select(f => "string.Equals(this." + f + ", other." + f + ", global::System.StringComparison.Ordinal)")).ToList();
            w.Chain("public bool Equals(" + name + "? other) => ", comparisons, "&&", ";");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool Equals(object? obj) => this.Equals(obj as " + name + ");");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.List("public override int GetHashCode() => global::System.HashCode.Combine", fields.Select(f => "global::System.StringComparer.Ordinal.GetHashCode(this." + f + ")").ToList(), ";");
            w.Line();
            w.Line("/// <summary>The attribute values and the text, joined by ':' (e.g. <c>VirtualMachine:vm-42</c>).</summary>");
            w.Line("public override string ToString() => " + string.Join(" + \":\" + ", fields.Select(f => "this." + f)) + ";");
            w.Line();
            w.Line("/// <summary>Compares by value.</summary>");
            w.List("public static bool operator ==", new[] { name + "? left", name + "? right" }, " => left is null ? right is null : left.Equals(right);");
            w.Line();
            w.Line("/// <summary>Compares by value.</summary>");
            w.List("public static bool operator !=", new[] { name + "? left", name + "? right" }, " => !(left == right);");
        }

        private static void EmitSerialization(IndentedWriter w, ClassModel model)
        {
            w.Line();
            w.Line("string " + Serializable + ".XmlTypeName => " + Literal(model.WireName) + ";");
            w.Line();
            w.Open("void " + Serializable + ".WriteXml(" + RuntimeTypes.XmlWriter + " writer)");
            foreach (AttributeModel attribute in model.Attributes)
            {
                w.Line("writer.WriteAttribute(" + Literal(attribute.WireName) + ", this." + attribute.FieldName + ");");
            }

            w.Line("writer.WriteText(this.value);");
            w.Close();
            w.Line();
            w.Open("void " + Serializable + ".ReadXml(" + RuntimeTypes.XmlReader + " reader)");
            foreach (AttributeModel attribute in model.Attributes)
            {
                w.Line("this." + attribute.FieldName + " = reader.GetAttribute(" + Literal(attribute.WireName) + ") ?? string.Empty;");
            }

            w.Line("this.value = reader.ReadString();");
            w.Close();
        }
    }
}
