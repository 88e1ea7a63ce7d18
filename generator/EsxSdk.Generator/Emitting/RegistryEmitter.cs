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

        /// <summary>The most buckets a dispatcher splits its names into (names that still crowd one bucket stay together).</summary>
        private const int MaxBuckets = 1024;

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
            // quarter of decode time): a cheap function of the name picks its bucket, then a switch over that bucket alone.
            List<(int Bucket, ClassModel[] Types)> buckets = Buckets(types, type => type.WireName, CreateObjectChunk, out int mask);
            w.Open("public " + RuntimeTypes.XmlSerializable + "? CreateObject(string typeName) => CreateObjectBucket(typeName) switch");
            foreach ((int bucket, _) in buckets)
            {
                w.Line(bucket + " => CreateObject" + bucket + "(typeName),");
            }

            w.Line("_ => null,");
            w.Close(";");
            EmitBucketFunction(w, "CreateObject", mask);
            foreach ((int bucket, ClassModel[] chunk) in buckets)
            {
                w.Line();
                EmitCreateSwitch(w, model, "private static " + RuntimeTypes.XmlSerializable + "? CreateObject" + bucket + "(string typeName)", chunk);
            }
        }

        /// <summary>
        /// The names' buckets (in bucket order, names kept in the given order): as few buckets, a power of two, as hold at
        /// most <paramref name="size"/> names each. <paramref name="mask"/> is the bucket count less one.
        /// </summary>
        private static List<(int Bucket, T[] Items)> Buckets<T>(T[] items, Func<T, string> name, int size, out int mask)
        {
            int count = 1;
            while (count < MaxBuckets && items.GroupBy(item => Bucket(name(item), count - 1)).Any(group => group.Count() > size))
            {
                count *= 2;
            }

            mask = count - 1;
            int bucketMask = mask;
            return items.GroupBy(item => Bucket(name(item), bucketMask))
                .OrderBy(group => group.Key)
                .Select(group => (group.Key, group.ToArray()))
                .ToList();
        }

        /// <summary>The bucket of a name: what <see cref="EmitBucketFunction"/> emits, computed here to place the names.</summary>
        private static int Bucket(string name, int mask)
            => name.Length == 0 ? 0 : ((name.Length * 31) + (name[name.Length - 1] * 7) + name[name.Length / 2]) & mask;

        /// <summary>Emits <c>{method}Bucket(string typeName)</c>, the same function as <see cref="Bucket"/>.</summary>
        private static void EmitBucketFunction(IndentedWriter w, string method, int mask)
        {
            w.Line();
            w.Line("/// <summary>The bucket of a wire name: its length and two of its characters pick which <c>" + method + "N</c> switches over it.</summary>");
            w.Line("private static int " + method + "Bucket(string typeName)");
            w.Line("    => typeName.Length == 0 ? 0 : ((typeName.Length * 31) + (typeName[typeName.Length - 1] * 7) + typeName[typeName.Length / 2]) & " + mask + ";");
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

            // As for CreateObject: one switch over every name stays unoptimised code; a bucket of them does not.
            var buckets = Buckets(cases, c => c.WireName, TryReadValueChunk, out int mask);
            w.Open("public bool TryReadValue" + Parameters);
            w.Open("switch (TryReadValueBucket(typeName))");
            foreach ((int bucket, _) in buckets)
            {
                w.Line("case " + bucket + ":");
                w.Line("    return TryReadValue" + bucket + "(typeName, reader, out value);");
            }

            w.Line("default:");
            w.Line("    value = null;");
            w.Line("    return false;");
            w.Close();
            w.Close();
            EmitBucketFunction(w, "TryReadValue", mask);
            foreach ((int bucket, var chunk) in buckets)
            {
                w.Line();
                EmitTryReadSwitch(w, "private static bool TryReadValue" + bucket + Parameters, chunk);
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
