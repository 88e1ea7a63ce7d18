using System.Linq;
using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// Emits a vim25 enumeration as a string-backed struct: a value the WSDL does not list (a newer
    /// server's) still reads, is inspectable (<c>IsKnown</c>) and writes back unchanged.
    /// </summary>
    internal static class EnumEmitter
    {
        public static void Emit(IndentedWriter w, EnumModel model)
        {
            string name = model.CSharpName;
            w.Line("/// <summary>The vim25 enumeration <c>" + DocText(model.WireName) + "</c>. Values a newer server sends are kept as they are (see <see cref=\"IsKnown\"/>).</summary>");
            w.Line(GeneratedCodeAttribute);
            w.Line("[global::System.Diagnostics.DebuggerDisplay(\"{Value,nq}\")]");
            w.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">, " + RuntimeTypes.EnumOf(name));
            w.Line("private readonly string? value;");
            w.Line();
            w.Line("/// <summary>Creates a value from its wire text, known or not.</summary>");
            w.Line("public " + name + "(string value) => this.value = value ?? throw new global::System.ArgumentNullException(nameof(value));");

            foreach (EnumMemberModel member in model.Members)
            {
                w.Line();
                w.Line("/// <summary>Wire value <c>" + DocText(member.WireValue) + "</c>.</summary>");
                w.Line("public static " + name + " " + member.CSharpName + " { get; } = new " + name + "(" + Literal(member.WireValue) + ");");
            }

            w.Line();
            w.Line("/// <summary>The values this binding's WSDL lists.</summary>");
            w.Initializer("public static global::System.Collections.Generic.IReadOnlyList<" + name + "> KnownValues { get; } = new " + name + "[]", model.Members.Select(m => m.CSharpName).ToList(), ";");
            w.Line();
            w.Line("/// <summary>The wire text; empty for <c>default</c>.</summary>");
            w.Line("public string Value => this.value ?? string.Empty;");
            w.Line();
            w.Line("/// <summary>Whether the WSDL lists this value (false for values from newer servers).</summary>");
            w.Chain("public bool IsKnown => this.value is ", model.Members.Select(m => Literal(m.WireValue)).ToList(), "or", ";");
            w.Line();
            w.Line("string " + RuntimeTypes.Enum + ".XmlTypeName => " + Literal(model.WireName) + ";");
            w.Line();
            w.Line("/// <summary>The value for a wire text, sharing the instance of a known value.</summary>");
            w.Open("public static " + name + " FromWire(string value) => value switch");
            foreach (EnumMemberModel member in model.Members)
            {
                w.Line(Literal(member.WireValue) + " => " + member.CSharpName + ",");
            }

            w.Line("_ => new " + name + "(value),");
            w.Close(";");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.List("public bool Equals(" + name + " other) => string.Equals", new[] { "this.Value", "other.Value", "global::System.StringComparison.Ordinal" }, ";");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool Equals(object? obj) => obj is " + name + " other && this.Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(this.Value);");
            w.Line();
            w.Line("/// <summary>The wire text.</summary>");
            w.Line("public override string ToString() => this.Value;");
            w.Line();
            w.Line("/// <summary>Compares the wire text.</summary>");
            w.List("public static bool operator ==", new[] { name + " left", name + " right" }, " => left.Equals(right);");
            w.Line();
            w.Line("/// <summary>Compares the wire text.</summary>");
            w.List("public static bool operator !=", new[] { name + " left", name + " right" }, " => !left.Equals(right);");
            w.Line();
            w.Line("/// <summary>Converts wire text (known or not) to a value.</summary>");
            w.Line("public static implicit operator " + name + "(string value) => FromWire(value);");
            w.Close();
        }
    }
}
