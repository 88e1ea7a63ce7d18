using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>Links the ArrayOfX wrapper types: their item types, and which one writes each C# array type.</summary>
    internal sealed partial class BindingLinker
    {
        /// <summary>The wrappers whose item type resolves; named after the classes and enums, so they never rename one.</summary>
        private List<ArrayTypeModel> BuildArrayTypes()
        {
            var result = new List<ArrayTypeModel>();
            foreach (QualifiedName name in this.arrayTypes.Keys.ToList())
            {
                ElementMember item = this.complexTypes[name].Elements[0];
                if (this.ResolveValueType(item.Type, name.Name + "." + item.Name, item.Position) is { } itemType)
                {
                    string csharpName = CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(name.Name), this.takenTypeNames, "Type");
                    result.Add(new ArrayTypeModel(name.Name, csharpName, item.Name, itemType));
                }
            }

            return result;
        }

        /// <summary>
        /// One ArrayOfX per C# array type (ArrayOfString wins over ArrayOfAnyURI, both string[]),
        /// most derived item types first so a VirtualDisk[] is not written as ArrayOfVirtualDevice,
        /// and object[] (which matches every reference array) last.
        /// </summary>
        private static EquatableArray<ArrayTypeModel> WrittenArrayTypes(IEnumerable<ArrayTypeModel> arrays) => arrays
            .GroupBy(a => a.ItemType.TypeName)
            .Select(g => g.OrderBy(a => XsdPrimitives.IsAlias(a.ItemType) ? 1 : 0)
                .ThenBy(a => string.Equals(a.WireName, "ArrayOf" + CSharpNaming.ToPascalCase(a.ItemType.WireType), StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(a => a.WireName, StringComparer.Ordinal)
                .First())
            .OrderByDescending(a => a.ItemType.Depth)
            .ThenBy(a => a.WireName, StringComparer.Ordinal)
            .ToEquatableArray();
    }
}
