using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// Emits the binding's type registry: wire type name to instance (for xsi:type), anyType values of
    /// enum and ArrayOfX types, and the reverse mapping from arrays to ArrayOfX when writing.
    /// </summary>
    internal static class RegistryEmitter
    {
        /// <summary>Type names per CreateObject switch: small enough for the JIT to optimise the method.</summary>
        private const int CreateObjectChunk = 256;

        /// <summary>Names per TryReadValue switch: its cases are longer than CreateObject's (a call and a lambda each).</summary>
        private const int TryReadValueChunk = 128;

        /// <summary>The chunk index from <c>found</c>, Array.BinarySearch's result over the chunk starts.</summary>
        private const string ChunkIndex = "(found >= 0 ? found : ~found - 1)";

        public static string Emit(RegistryFile model)
        {
            var w = new IndentedWriter();
            FileHeader(w);
            w.Open("namespace " + model.CSharpNamespace);
            w.Line("/// <summary>Maps the wire type names of this vim25 binding to its generated types; pass <see cref=\"Instance\"/> to the EsxSdk XML reader and writer.</summary>");
            w.Line(GeneratedCodeAttribute);
            w.Open("public sealed partial class " + model.TypeName + " : " + RuntimeTypes.TypeRegistry);
            w.Line("private " + model.TypeName + "()");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The single instance.</summary>");
            w.Line("public static " + model.TypeName + " Instance { get; } = new " + model.TypeName + "();");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public string Namespace => " + Literal(model.TargetNamespace) + ";");

            EmitCreateObject(w, model);
            EmitTryReadValue(w, model);
            EmitTryWriteValue(w, model);
            EmitFaultTypeOfElement(w, model);

            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void EmitCreateObject(IndentedWriter w, RegistryFile model)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            if (model.Classes.Count <= CreateObjectChunk)
            {
                EmitCreateSwitch(w, model, "public " + RuntimeTypes.XmlSerializable + "? CreateObject(string typeName)", model.Classes);
                return;
            }

            ClassModel[] types = model.Classes.OrderBy(c => c.WireName, StringComparer.Ordinal).ToArray();

            // One switch over thousands of names is too big for the JIT to optimise (it stays unoptimised code, and was a
            // quarter of decode time): find the name's chunk of the sorted names, then switch over that chunk alone.
            List<ClassModel[]> chunks = Chunks(types, CreateObjectChunk);
            w.Open("public " + RuntimeTypes.XmlSerializable + "? CreateObject(string typeName)");
            EmitChunkSearch(w, "CreateObject");
            w.Open("return " + ChunkIndex + " switch");
            for (int i = 0; i < chunks.Count; i++)
            {
                w.Line(i + " => CreateObject" + i + "(typeName),");
            }

            w.Line("_ => null,");
            w.Close(";");
            w.Close();
            EmitChunkStarts(w, "CreateObject", chunks.Select(chunk => chunk[0].WireName));
            for (int i = 0; i < chunks.Count; i++)
            {
                w.Line();
                EmitCreateSwitch(w, model, "private static " + RuntimeTypes.XmlSerializable + "? CreateObject" + i + "(string typeName)", chunks[i]);
            }
        }

        /// <summary>Consecutive pieces of at most <paramref name="size"/> items of <paramref name="sorted"/> (sorted by wire name, ordinal).</summary>
        private static List<T[]> Chunks<T>(T[] sorted, int size)
        {
            var chunks = new List<T[]>();
            for (int start = 0; start < sorted.Length; start += size)
            {
                chunks.Add(sorted.Skip(start).Take(size).ToArray());
            }

            return chunks;
        }

        /// <summary>Finds the chunk whose names would hold typeName: the last chunk start at or before it (<see cref="ChunkIndex"/>).</summary>
        private static void EmitChunkSearch(IndentedWriter w, string method)
            => w.List("int found = global::System.Array.BinarySearch", new[] { method + "ChunkStarts", "typeName", "global::System.StringComparer.Ordinal" }, ";");

        /// <summary>The first wire name of each chunk <c>{method}N</c> switches over.</summary>
        private static void EmitChunkStarts(IndentedWriter w, string method, IEnumerable<string> firstNames)
        {
            w.Line();
            w.Line("/// <summary>The first wire name of each chunk <c>" + method + "N</c> switches over, in ordinal order.</summary>");
            w.Open("private static readonly string[] " + method + "ChunkStarts =");
            foreach (string name in firstNames)
            {
                w.Line(Literal(name) + ",");
            }

            w.Close(";");
        }

        private static void EmitCreateSwitch(IndentedWriter w, RegistryFile model, string signature, IEnumerable<ClassModel> types)
        {
            w.Open(signature + " => typeName switch");
            foreach (ClassModel type in types)
            {
                w.Line(Literal(type.WireName) + " => new global::" + model.CSharpNamespace + "." + type.CSharpName + "(),");
            }

            w.Line("_ => null,");
            w.Close(";");
        }

        private static void EmitTryReadValue(IndentedWriter w, RegistryFile model)
        {
            // Enumerations and ArrayOfX types by wire name, in ordinal order for the chunk search.
            var cases = model.Enums
                .Select(type => (type.WireName, Emit: (Action<IndentedWriter>)(cw => cw.Line("value = reader.ReadEnum<global::" + model.CSharpNamespace + "." + type.CSharpName + ">();"))))
                .Concat(model.ArrayTypes.Select(array => (array.WireName, Emit: (Action<IndentedWriter>)(cw =>
                    cw.List("value = reader.ReadArrayValue", new[] { Literal(array.ItemElementName), "static r => " + ReadItem(array.ItemType, "r") }, ";")))))
                .OrderBy(c => c.WireName, StringComparer.Ordinal)
                .ToArray();
            const string Parameters = "(string typeName, " + RuntimeTypes.XmlReader + " reader, out object? value)";

            w.Line();
            w.Line("/// <inheritdoc/>");
            if (cases.Length <= TryReadValueChunk)
            {
                EmitTryReadSwitch(w, "public bool TryReadValue" + Parameters, cases);
                return;
            }

            // As for CreateObject: one switch over every name stays unoptimised code; a chunk of them does not.
            var chunks = Chunks(cases, TryReadValueChunk);
            w.Open("public bool TryReadValue" + Parameters);
            EmitChunkSearch(w, "TryReadValue");
            w.Open("switch (" + ChunkIndex + ")");
            for (int i = 0; i < chunks.Count; i++)
            {
                w.Line("case " + i + ":");
                w.Line("    return TryReadValue" + i + "(typeName, reader, out value);");
            }

            w.Line("default:");
            w.Line("    value = null;");
            w.Line("    return false;");
            w.Close();
            w.Close();
            EmitChunkStarts(w, "TryReadValue", chunks.Select(chunk => chunk[0].WireName));
            for (int i = 0; i < chunks.Count; i++)
            {
                w.Line();
                EmitTryReadSwitch(w, "private static bool TryReadValue" + i + Parameters, chunks[i]);
            }
        }

        private static void EmitTryReadSwitch(IndentedWriter w, string signature, IEnumerable<(string WireName, Action<IndentedWriter> Emit)> cases)
        {
            w.Open(signature);
            w.Open("switch (typeName)");
            foreach ((string wireName, Action<IndentedWriter> emit) in cases)
            {
                w.Line("case " + Literal(wireName) + ":").Indent();
                emit(w);
                w.Line("return true;").Outdent();
            }

            w.Line("default:");
            w.Line("    value = null;");
            w.Line("    return false;");
            w.Close();
            w.Close();
        }

        private static void EmitTryWriteValue(IndentedWriter w, RegistryFile model)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open("public bool TryWriteValue(" + RuntimeTypes.XmlWriter + " writer, string elementName, object value)");
            w.Open("switch (value)");
            int index = 0;
            foreach (ArrayTypeModel array in model.WrittenArrayTypes)
            {
                string variable = "array" + index++;
                string itemType = array.ItemType.TypeName;
                w.Line("case " + itemType + "[] " + variable + ":").Indent();
                string[] arguments = { "elementName", Literal(array.WireName), Literal(array.ItemElementName), variable, "static (w, n, v) => " + WriteItem(array.ItemType, "w", "n", "v") };
                w.List("writer.WriteArrayValue", arguments, ";");
                w.Line("return true;").Outdent();
            }

            w.Line("default:");
            w.Line("    return false;");
            w.Close();
            w.Close();
        }

        private static void EmitFaultTypeOfElement(IndentedWriter w, RegistryFile model)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Open("public string? FaultTypeOfElement(string elementName) => elementName switch");
            foreach (FaultElementModel fault in model.FaultElements)
            {
                w.Line(Literal(fault.ElementName) + " => " + Literal(fault.TypeWireName) + ",");
            }

            w.Line("_ => null,");
            w.Close(";");
        }
    }
}
