using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>
    /// Splits the linked binding into the source files to emit, and names them: files of modest size, since one huge
    /// file makes the compiler's nullable analysis slow and memory-hungry (dotnet/roslyn#76568).
    /// </summary>
    internal static class SourceFileLayout
    {
        public const int ClassesPerFile = 50;
        public const int EnumsPerFile = 60;
        public const int OperationsPerFile = 100;

        /// <summary>The class the XmlSerializer twins list their contract in (operations and known types).</summary>
        public const string XmlSerializerContractTypeName = "VimXmlSerializerContract";

        private const string Prefix = "Vim25.";
        private const string XmlSerializerPrefix = "Vim25.XmlSerializer.";

        public const int ViewsPerFile = 25;
        public const int PathTypesPerFile = 60;

        public static SourceFiles Split(BindingModel model) => new(
            TypeFiles(model, Prefix).ToEquatableArray(),
            ServiceFiles(model).ToEquatableArray(),
            RegistryFileOf(model),
            ObjectFiles(model.Objects).ToEquatableArray());

        /// <summary>The twins (bench/ only) in files of the same size as the binding's.</summary>
        public static XmlSerializerTwinFiles XmlSerializerTwins(BindingModel model) => new(
            TypeFiles(model, XmlSerializerPrefix).ToEquatableArray(),
            XmlSerializerPrefix + "Contract.g.cs",
            XmlSerializerContractTypeName,
            model);

        private static IEnumerable<SourceChunk> TypeFiles(BindingModel model, string prefix)
        {
            for (int start = 0, index = 0; start < model.Classes.Count; start += ClassesPerFile, index++)
            {
                yield return new SourceChunk(
                    HintName(prefix + "Types.", index),
                    model.CSharpNamespace,
                    model.TargetNamespace,
                    Slice(model.Classes, start, ClassesPerFile),
                    EquatableArray<EnumModel>.Empty);
            }

            for (int start = 0, index = 0; start < model.Enums.Count; start += EnumsPerFile, index++)
            {
                yield return new SourceChunk(
                    HintName(prefix + "Enums.", index),
                    model.CSharpNamespace,
                    model.TargetNamespace,
                    EquatableArray<ClassModel>.Empty,
                    Slice(model.Enums, start, EnumsPerFile));
            }
        }

        private static IEnumerable<OperationChunk> ServiceFiles(BindingModel model)
        {
            for (int start = 0, index = 0; start < model.Operations.Count; start += OperationsPerFile, index++)
            {
                yield return new OperationChunk(
                    HintName(Prefix + "Service.", index),
                    model.CSharpNamespace,
                    model.ServiceTypeName,
                    model.WsdlApiVersion,
                    index == 0,
                    Slice(model.Operations, start, OperationsPerFile),
                    model.EmitTaskWrappers);
            }
        }

        /// <summary>The views (with their root paths) and the data types' path classes, in files of modest size; none without a model.</summary>
        private static IEnumerable<ObjectChunk> ObjectFiles(ObjectModel? objects)
        {
            if (objects == null)
            {
                yield break;
            }

            for (int start = 0, index = 0; start < objects.Views.Count; start += ViewsPerFile, index++)
            {
                yield return new ObjectChunk(
                    HintName(Prefix + "Objects.Views.", index),
                    objects.CSharpNamespace,
                    objects.ReferenceTypeName,
                    objects.EmitViews,
                    Slice(objects.Views, start, ViewsPerFile),
                    EquatableArray<PathTypeModel>.Empty);
            }

            for (int start = 0, index = 0; start < objects.PathTypes.Count; start += PathTypesPerFile, index++)
            {
                yield return new ObjectChunk(
                    HintName(Prefix + "Objects.Paths.", index),
                    objects.CSharpNamespace,
                    objects.ReferenceTypeName,
                    objects.EmitViews,
                    EquatableArray<ViewModel>.Empty,
                    Slice(objects.PathTypes, start, PathTypesPerFile));
            }
        }

        /// <summary>The registry, unless the binding has no type for it to map.</summary>
        private static RegistryFile? RegistryFileOf(BindingModel model)
        {
            if (model.Classes.Count == 0 && model.Enums.Count == 0 && model.ArrayTypes.Count == 0)
            {
                return null;
            }

            return new RegistryFile(
                Prefix + "TypeRegistry.g.cs",
                model.CSharpNamespace,
                model.RegistryTypeName,
                model.TargetNamespace,
                model.Classes.Where(c => !c.IsResponse).ToEquatableArray(),
                model.Enums,
                model.ArrayTypes,
                model.WrittenArrayTypes,
                model.FaultElements);
        }

        private static string HintName(string kind, int index) => kind + index.ToString("D3", CultureInfo.InvariantCulture) + ".g.cs";

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
