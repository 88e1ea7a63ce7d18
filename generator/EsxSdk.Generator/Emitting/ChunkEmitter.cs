using System.Collections.Generic;
using System.Globalization;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// Splits the binding into source files of modest size and emits each: one huge file makes the
    /// compiler's nullable analysis slow and memory-hungry (dotnet/roslyn#76568).
    /// </summary>
    internal static class ChunkEmitter
    {
        public const int ClassesPerChunk = 50;
        public const int EnumsPerChunk = 60;

        public static IEnumerable<SourceChunk> Split(BindingModel model)
        {
            for (int start = 0, index = 0; start < model.Classes.Count; start += ClassesPerChunk, index++)
            {
                yield return new SourceChunk(
                    HintName("Types", index),
                    model.CSharpNamespace,
                    model.TargetNamespace,
                    Slice(model.Classes, start, ClassesPerChunk),
                    EquatableArray<EnumModel>.Empty);
            }

            for (int start = 0, index = 0; start < model.Enums.Count; start += EnumsPerChunk, index++)
            {
                yield return new SourceChunk(
                    HintName("Enums", index),
                    model.CSharpNamespace,
                    model.TargetNamespace,
                    EquatableArray<ClassModel>.Empty,
                    Slice(model.Enums, start, EnumsPerChunk));
            }
        }

        public static string Emit(SourceChunk chunk)
        {
            var w = new IndentedWriter();
            EmitHelpers.FileHeader(w);
            w.Open("namespace " + chunk.CSharpNamespace);
            bool first = true;
            foreach (ClassModel type in chunk.Classes)
            {
                Separate(w, ref first);
                ClassEmitter.Emit(w, type, chunk.CSharpNamespace);
            }

            foreach (EnumModel type in chunk.Enums)
            {
                Separate(w, ref first);
                EnumEmitter.Emit(w, type);
            }

            w.Close();
            return w.ToString();
        }

        private static void Separate(IndentedWriter w, ref bool first)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
        }

        private static string HintName(string kind, int index) => "Vim25." + kind + "." + index.ToString("D3", CultureInfo.InvariantCulture) + ".g.cs";

        private static EquatableArray<T> Slice<T>(EquatableArray<T> items, int start, int count)
            where T : System.IEquatable<T>
        {
            var slice = new List<T>(count);
            for (int i = start; i < items.Count && i < start + count; i++)
            {
                slice.Add(items[i]);
            }

            return slice.ToEquatableArray();
        }
    }
}
