using System.Collections.Generic;
using EsxSdk.Generator.Model;
using EsxSdk.Generator.Parsing;

namespace EsxSdk.Generator.Linking
{
    /// <summary>The xsd built-ins vim25 uses, with their C# types and runtime reader/writer suffixes.</summary>
    internal static class XsdPrimitives
    {
        private static readonly Dictionary<string, MemberType> ByName = new()
        {
            ["string"] = Primitive("string", "string", "String", false),
            ["anyURI"] = Primitive("anyURI", "string", "String", false),
            ["boolean"] = Primitive("boolean", "bool", "Boolean", true),
            ["byte"] = Primitive("byte", "sbyte", "SByte", true),
            ["short"] = Primitive("short", "short", "Int16", true),
            ["int"] = Primitive("int", "int", "Int32", true),
            ["long"] = Primitive("long", "long", "Int64", true),
            ["float"] = Primitive("float", "float", "Single", true),
            ["double"] = Primitive("double", "double", "Double", true),
            ["dateTime"] = Primitive("dateTime", "global::System.DateTimeOffset", "DateTime", true),
            ["base64Binary"] = Primitive("base64Binary", "byte[]", "Base64", false),
            ["anyType"] = new MemberType(ValueKind.AnyType, "object", "anyType", null, false, 0),
        };

        public static bool TryGet(QualifiedName name, out MemberType type)
        {
            if (name.Namespace == XmlNamespaces.Schema && ByName.TryGetValue(name.Name, out MemberType? found))
            {
                type = found;
                return true;
            }

            type = null!;
            return false;
        }

        /// <summary>An xsd type that shares its C# type with a more basic one (anyURI is a string): never chosen for writing.</summary>
        public static bool IsAlias(MemberType type) => type.Kind == ValueKind.Primitive && type.WireType == "anyURI";

        private static MemberType Primitive(string wire, string csharp, string suffix, bool isValueType)
            => new(ValueKind.Primitive, csharp, wire, suffix, isValueType, 1);
    }
}
