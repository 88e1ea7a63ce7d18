using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EsxSdk.Vim25;
using EsxSdk.Xml;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// Fills any generated vim25 type with random, seeded values: subtypes for object members
    /// (polymorphism), unknown enumeration values, awkward strings and anyType values of every kind.
    /// Test-only: it uses reflection, which the runtime never does.
    /// </summary>
    internal sealed class RandomInstanceBuilder
    {
        public static readonly Type[] GeneratedTypes = typeof(VimTypeRegistry).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(VimTypeRegistry).Namespace && t.IsPublic && !t.IsAbstract && typeof(IVimXmlSerializable).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        public static readonly Type[] EnumTypes = typeof(VimTypeRegistry).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(VimTypeRegistry).Namespace && t.IsValueType && typeof(IVimEnum).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        private static readonly Dictionary<Type, Type[]> ConcreteSubtypes = GeneratedTypes
            .ToDictionary(t => t, t => GeneratedTypes.Where(t.IsAssignableFrom).ToArray());

        private static readonly string[] Strings =
        {
            string.Empty, "plain", "a<b>&c\"'", "  padded  ", "line1\r\nline2\ttab", "unicode: é ✓ 日本", "]]>", "   ",
        };

        private readonly Random random;
        private readonly int maxDepth;

        public RandomInstanceBuilder(int seed, int maxDepth = 3)
        {
            this.random = new Random(seed);
            this.maxDepth = maxDepth;
        }

        public object Build(Type type) => this.BuildObject(type, 0)!;

        private object? BuildObject(Type declared, int depth)
        {
            if (depth > this.maxDepth)
            {
                return null;
            }

            Type[] candidates = ConcreteSubtypes.TryGetValue(declared, out Type[]? found) ? found : new[] { declared };
            Type type = candidates[this.random.Next(candidates.Length)];
            object instance = Activator.CreateInstance(type)!;
            foreach (PropertyInfo property in ObjectGraph.PublicProperties(type).Where(p => p.CanWrite))
            {
                object? value = this.BuildValue(property.PropertyType, depth + 1, IsNullable(property));
                if (value is not null || !property.PropertyType.IsArray)
                {
                    property.SetValue(instance, value);
                }
            }

            return instance;
        }

        private object? BuildValue(Type type, int depth, bool nullable)
        {
            if (nullable && this.random.Next(5) == 0)
            {
                return null;
            }

            Type? underlying = Nullable.GetUnderlyingType(type);
            if (underlying is not null)
            {
                return this.BuildValue(underlying, depth, nullable: false);
            }

            if (type.IsArray && type != typeof(byte[]))
            {
                Type itemType = type.GetElementType()!;
                int count = depth > this.maxDepth ? 0 : this.random.Next(4);
                var items = new List<object>();
                for (int i = 0; i < count; i++)
                {
                    if (this.BuildValue(itemType, depth, nullable: false) is { } item)
                    {
                        items.Add(item);
                    }
                }

                Array array = Array.CreateInstance(itemType, items.Count);
                for (int i = 0; i < items.Count; i++)
                {
                    array.SetValue(items[i], i);
                }

                return array;
            }

            return type switch
            {
                _ when type == typeof(string) => Strings[this.random.Next(Strings.Length)],
                _ when type == typeof(bool) => this.random.Next(2) == 0,
                _ when type == typeof(sbyte) => (sbyte)this.random.Next(sbyte.MinValue, sbyte.MaxValue + 1),
                _ when type == typeof(short) => (short)this.random.Next(short.MinValue, short.MaxValue + 1),
                _ when type == typeof(int) => this.random.Next(3) == 0 ? int.MinValue : this.random.Next(),
                _ when type == typeof(long) => this.random.Next(3) == 0 ? long.MaxValue : this.random.NextInt64(long.MinValue, long.MaxValue),
                _ when type == typeof(float) => this.random.Next(4) == 0 ? float.NaN : (float)(this.random.NextDouble() * 1e6),
                _ when type == typeof(double) => this.random.Next(4) == 0 ? double.PositiveInfinity : this.random.NextDouble() * 1e12,
                _ when type == typeof(DateTimeOffset) => this.RandomDateTime(),
                _ when type == typeof(byte[]) => this.RandomBytes(),
                _ when type == typeof(object) => this.BuildAny(depth),
                _ when typeof(IVimEnum).IsAssignableFrom(type) => this.BuildEnum(type),
                _ when type == typeof(ManagedObjectReference) => this.RandomReference(),
                _ when typeof(IVimXmlSerializable).IsAssignableFrom(type) => this.BuildObject(type, depth),
                _ => throw new NotSupportedException("No random value for " + type),
            };
        }

        private object BuildEnum(Type type)
        {
            var known = (System.Collections.IList)type.GetProperty("KnownValues")!.GetValue(null)!;
            if (this.random.Next(4) == 0)
            {
                // A value a newer server might send: it must survive a round trip unchanged.
                return Activator.CreateInstance(type, "futureValue" + this.random.Next(100))!;
            }

            return known[this.random.Next(known.Count)]!;
        }

        private object? BuildAny(int depth)
        {
            switch (this.random.Next(13))
            {
                case 0: return Strings[this.random.Next(Strings.Length)];
                case 1: return this.random.Next();
                case 2: return this.random.Next(2) == 0;
                case 3: return this.random.NextInt64();
                case 4: return (short)this.random.Next(short.MaxValue);
                case 5: return this.RandomDateTime();
                case 6: return new[] { "a", "b<c>" };
                case 7: return new[] { 1, 2, 3 };
                case 8: return this.RandomReference();
                case 9: return new[] { this.RandomReference(), this.RandomReference() };
                case 10: return this.BuildEnum(EnumTypes[this.random.Next(EnumTypes.Length)]);
                case 11: return new Uri("https://esx.example/sdk?x=1", UriKind.Absolute);
                default: return this.BuildObject(typeof(DynamicData), depth);
            }
        }

        private DateTimeOffset RandomDateTime()
        {
            long ticks = this.random.NextInt64(new DateTime(1990, 1, 1).Ticks, new DateTime(2090, 1, 1).Ticks);
            var offset = TimeSpan.FromMinutes(this.random.Next(-12 * 4, 14 * 4) * 15);
            return new DateTimeOffset(ticks, offset);
        }

        private byte[] RandomBytes()
        {
            byte[] bytes = new byte[this.random.Next(0, 16)];
            this.random.NextBytes(bytes);
            return bytes;
        }

        private ManagedObjectReference RandomReference()
            => new("VirtualMachine", "vm-" + this.random.Next(1000));

        private static bool IsNullable(PropertyInfo property)
            => Nullable.GetUnderlyingType(property.PropertyType) is not null
               || (!property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable);
    }
}
