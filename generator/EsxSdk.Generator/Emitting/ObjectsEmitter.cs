using System.Linq;
using EsxSdk.Common;
using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// Emits one source file of views and typed paths (see Linking/ObjectModelLinker): per managed object type its root
    /// paths class and (for the runtime's own binding) its view; per reachable data type its path class.
    /// </summary>
    internal static class ObjectsEmitter
    {
        public static string Emit(ObjectChunk chunk)
        {
            var w = new IndentedWriter();
            EmitHelpers.FileHeader(w);
            w.Open("namespace " + chunk.CSharpNamespace);
            bool first = true;
            foreach (ViewModel view in chunk.Views)
            {
                Separate(w, ref first);
                EmitPaths(w, view);
                if (chunk.EmitViews)
                {
                    w.Line();
                    EmitView(w, view, chunk.ReferenceTypeName);
                }
            }

            foreach (PathTypeModel path in chunk.PathTypes)
            {
                Separate(w, ref first);
                EmitPathType(w, path);
            }

            w.Close();
            return w.ToString();
        }

        private static void EmitPaths(IndentedWriter w, ViewModel view)
        {
            w.Line("/// <summary>The typed property paths of the managed object type <c>" + DocText(view.WireName) + "</c> (and its bases).</summary>");
            w.Line(GeneratedCodeAttribute);
            w.Line("[" + RuntimeTypes.ManagedObjectPathsAttribute + "(" + Literal(view.WireName) + ")]");
            string baseList = view.BasePathsTypeName == null ? string.Empty : " : " + view.BasePathsTypeName;
            w.Open("public " + (view.HasDerivedTypes ? string.Empty : "sealed ") + "class " + view.PathsTypeName + baseList);
            foreach (ViewPropertyModel property in view.Properties)
            {
                w.Line("/// <summary>The path of <c>" + DocText(property.WireName) + "</c>" + ReferenceDoc(property) + ".</summary>");
                w.Line(PropertyNameAttribute(property.WireName));
                w.Line("public " + property.PathTypeName + " " + property.CSharpName + " => new " + property.PathTypeName + "(" + Literal(property.WireName) + ");");
            }

            w.Close();
        }

        private static void EmitView(IndentedWriter w, ViewModel view, string referenceType)
        {
            string baseType = view.BaseCSharpName ?? RuntimeTypes.ManagedObjectView;
            w.Line("/// <summary>");
            w.Line("/// A typed view of a <c>" + DocText(view.WireName) + "</c>: its reference and the properties retrieved for it; reading one");
            w.Line("/// that was not retrieved throws <see cref=\"global::System.InvalidOperationException\"/>.");
            w.Line("/// </summary>");
            w.Line(GeneratedCodeAttribute);
            w.Open("public " + (view.HasDerivedTypes ? string.Empty : "sealed ") + "class " + view.CSharpName + " : " + baseType + ", " + RuntimeTypes.ManagedObjectViewOf(view.CSharpName));
            w.Line("/// <summary>Makes the view of one object from what the property collector returned for it.</summary>");
            w.Line("/// <param name=\"reference\">The object.</param>");
            w.Line("/// <param name=\"retrieved\">Its values and the paths asked for.</param>");
            w.Line("public " + view.CSharpName + "(" + referenceType + " reference, " + RuntimeTypes.RetrievedProperties + " retrieved)");
            w.Indent().Line(": base(reference, retrieved)").Outdent();
            w.Line("{").Line("}");
            w.Line();
            w.Line("/// <summary>The typed property paths of <c>" + DocText(view.WireName) + "</c>, for retrieval and watches.</summary>");
            w.Line("public static " + (view.BaseCSharpName == null ? string.Empty : "new ") + view.PathsTypeName + " Paths { get; } = new " + view.PathsTypeName + "();");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("static string " + RuntimeTypes.ManagedObjectViewOf(view.CSharpName) + ".ManagedObjectType => " + Literal(view.WireName) + ";");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("static bool " + RuntimeTypes.ManagedObjectViewOf(view.CSharpName) + ".IsViewOf(string managedObjectType)");
            w.Indent().Line("=> managedObjectType is " + string.Join(" or ", new[] { view.WireName }.Concat(view.DerivedWireNames).Select(Literal)) + ";").Outdent();
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("static " + view.CSharpName + " " + RuntimeTypes.ManagedObjectViewOf(view.CSharpName) + ".Create(" + referenceType + " reference, " + RuntimeTypes.RetrievedProperties + " retrieved)");
            w.Indent().Line("=> new " + view.CSharpName + "(reference, retrieved);").Outdent();
            foreach (ViewPropertyModel property in view.Properties)
            {
                w.Line();
                w.Line("/// <summary>The property <c>" + DocText(property.WireName) + "</c>" + ReferenceDoc(property) + (property.IsArray ? "; empty when unset" : "; null when unset") + ".</summary>");
                w.Line("/// <exception cref=\"global::System.InvalidOperationException\">It was not retrieved.</exception>");
                string body = property.IsArray
                    ? "this." + RuntimeNames.Methods.PropertyValues + "<" + property.ValueTypeName + ">(" + Literal(property.WireName) + ")"
                    : "this." + RuntimeNames.Methods.PropertyValue + "<" + property.ValueTypeName + ">(" + Literal(property.WireName) + ")";
                string type = property.IsArray ? property.ValueTypeName + "[]" : property.ValueTypeName.EndsWith("?") ? property.ValueTypeName : property.ValueTypeName + "?";
                w.Line("public " + type + " " + property.CSharpName + " => " + body + ";");
            }

            w.Close();
        }

        private static void EmitPathType(IndentedWriter w, PathTypeModel path)
        {
            w.Line("/// <summary>A typed path to a <c>" + DocText(path.DataWireName) + "</c> value, with the paths of its properties.</summary>");
            w.Line(GeneratedCodeAttribute);
            w.Open("public sealed class " + path.CSharpName + " : " + RuntimeTypes.PropertyPathOf(path.ValueTypeName));
            w.Line("/// <summary>Makes the path from its dotted wire form.</summary>");
            w.Line("/// <param name=\"path\">The path, e.g. <c>runtime</c>.</param>");
            w.Line("public " + path.CSharpName + "(string path)");
            w.Indent().Line(": base(path)").Outdent();
            w.Line("{").Line("}");
            foreach (PathMemberModel member in path.Members)
            {
                w.Line();
                w.Line("/// <summary>The path of <c>" + DocText(member.WireName) + "</c> below this one.</summary>");
                w.Line(PropertyNameAttribute(member.WireName));
                w.Line("public " + member.PathTypeName + " " + member.CSharpName + " => new " + member.PathTypeName + "(this." + RuntimeNames.Methods.Child + "(" + Literal(member.WireName) + "));");
            }

            w.Close();
        }

        /// <summary>The wire name on a path member, for the analyzers (ESX0005, ESX0006): generated code keeps it only as a literal.</summary>
        private static string PropertyNameAttribute(string wireName) => "[" + RuntimeTypes.PropertyNameAttribute + "(" + Literal(wireName) + ")]";

        private static string ReferenceDoc(ViewPropertyModel property) => property.ManagedType == null
            ? string.Empty
            : (property.IsArray ? ": references to <c>" : ": a reference to a <c>") + DocText(property.ManagedType) + "</c>";

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
