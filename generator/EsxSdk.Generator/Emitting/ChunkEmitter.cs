using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>Emits one source file of the binding's types (a slice of its classes or enums, see SourceFileLayout).</summary>
    internal static class ChunkEmitter
    {
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
    }
}
