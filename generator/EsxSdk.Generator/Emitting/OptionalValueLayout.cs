using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// Where a class keeps its optional value-type properties (<c>int?</c>, <c>long?</c>, <c>bool?</c>,
    /// <c>DateTimeOffset?</c>, enums): the value in a plain field and whether it is set in one bit of a flags field,
    /// a <c>bool?</c> wholly in two bits. A <c>Nullable&lt;long&gt;</c> field takes 16 bytes and a
    /// <c>Nullable&lt;DateTimeOffset&gt;</c> 24, and the large data objects are largely such fields: stored this way
    /// VirtualMachineRuntimeInfo takes 208 bytes instead of 296 and a 1,000-VM graph 9 % less, and a large decode's
    /// time goes mostly to allocating its graph and the GC copying it (issue 14; bench/notes.md, "Smaller data
    /// objects"). The properties' types and behaviour do not change.
    /// </summary>
    internal sealed class OptionalValueLayout
    {
        private readonly Dictionary<string, OptionalValueSlot> slotsByProperty = new();
        private readonly List<FlagsField> flagsFields = new();

        private OptionalValueLayout()
        {
        }

        /// <summary>The flags fields to declare, in order.</summary>
        public IReadOnlyList<FlagsField> FlagsFields => this.flagsFields;

        public static OptionalValueLayout For(ClassModel model)
        {
            var layout = new OptionalValueLayout();
            List<PropertyModel> stored = model.Properties.Where(IsStoredInFlags).ToList();

            // Fields of 64 bits, the last one as narrow as its bits allow (a class with one bool? needs a byte).
            int next = 0;
            int remaining = stored.Sum(BitsOf);
            FlagsField? current = null;
            foreach (PropertyModel property in stored)
            {
                int width = BitsOf(property);
                if (current == null || next + width > current.Bits)
                {
                    int fieldBits = remaining > 32 ? 64 : remaining > 16 ? 32 : remaining > 8 ? 16 : 8;
                    current = new FlagsField("_isSet" + layout.flagsFields.Count.ToString(CultureInfo.InvariantCulture), fieldBits);
                    layout.flagsFields.Add(current);
                    next = 0;
                }

                ulong presence = 1UL << next;
                ulong value = width == 2 ? 1UL << (next + 1) : 0;
                string? backing = width == 2 ? null : "_" + property.CSharpName;
                layout.slotsByProperty.Add(property.CSharpName, new OptionalValueSlot(current, presence, value, backing));
                next += width;
                remaining -= width;
            }

            return layout;
        }

        public bool TryGetSlot(PropertyModel property, out OptionalValueSlot slot) => this.slotsByProperty.TryGetValue(property.CSharpName, out slot!);

        private static bool IsStoredInFlags(PropertyModel property) => !property.IsArray && property.IsOptional && property.Type.IsValueType;

        /// <summary>A bool? keeps presence and value in two bits; any other value has one presence bit.</summary>
        private static int BitsOf(PropertyModel property) => property.Type.Kind == ValueKind.Primitive && property.Type.TypeName == "bool" ? 2 : 1;
    }

    /// <summary>One flags field: its name and width (8, 16, 32 or 64 bits).</summary>
    internal sealed record FlagsField(string Name, int Bits)
    {
        public string TypeName => this.Bits switch
        {
            8 => "byte",
            16 => "ushort",
            32 => "uint",
            _ => "ulong",
        };

        /// <summary>A literal of the type the field's bit operations are done in (uint below 64 bits).</summary>
        public string Mask(ulong bits) => "0x" + bits.ToString("X", CultureInfo.InvariantCulture) + (this.Bits == 64 ? "UL" : "U");
    }

    /// <summary>
    /// One optional value's storage: its presence bit in <see cref="Flags"/>, for a bool its value bit
    /// (<see cref="ValueBit"/>, no backing field), otherwise the plain field named <see cref="BackingField"/>.
    /// </summary>
    internal sealed record OptionalValueSlot(FlagsField Flags, ulong PresenceBit, ulong ValueBit, string? BackingField);
}
