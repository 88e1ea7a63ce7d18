using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Xml
{
    public sealed class RoundTripTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Every_generated_type_survives_serialize_then_deserialize(int seed)
        {
            var builder = new RandomInstanceBuilder(seed);
            var failures = new List<string>();
            foreach (Type type in RandomInstanceBuilder.GeneratedTypes)
            {
                var original = (IVimXmlSerializable)builder.Build(type);
                string xml = VimXmlSerializer.Serialize(original, VimTypeRegistry.Instance);
                object copy;
                try
                {
                    copy = Deserialize(type, xml);
                }
                catch (Exception ex)
                {
                    failures.Add(type.Name + ": " + ex.Message);
                    continue;
                }

                if (ObjectGraph.FirstDifference(original, copy) is { } difference)
                {
                    failures.Add(type.Name + ": " + difference);
                }
            }

            Assert.True(RandomInstanceBuilder.GeneratedTypes.Length > 3000, "expected the whole 7.0u2 binding");
            Assert.True(failures.Count == 0, failures.Count + " types differ after a round trip:\n" + string.Join("\n", failures.Take(20)));
        }

        [Fact]
        public void The_registry_creates_every_generated_type_by_its_wire_name()
        {
            foreach (Type type in RandomInstanceBuilder.GeneratedTypes)
            {
                var instance = (IVimXmlSerializable)Activator.CreateInstance(type)!;
                IVimXmlSerializable? created = VimTypeRegistry.Instance.CreateObject(instance.XmlTypeName);
                Assert.NotNull(created);
                Assert.Equal(type, created.GetType());
            }
        }

        /// <summary>The registry looks names up in buckets (by length and two characters): near misses of real names and the empty name are unknown.</summary>
        [Theory]
        [InlineData("")]
        [InlineData("AAAA")]
        [InlineData("zzzz")]
        [InlineData("virtualMachineConfigSpec")]
        [InlineData("VirtualMachineConfigSpecX")]
        [InlineData("HostSystemZ")]
        public void The_registry_knows_no_other_name(string name) => Assert.Null(VimTypeRegistry.Instance.CreateObject(name));

        /// <summary>
        /// anyType values of every enumeration and every ArrayOfX the binding can write come back as their types: the registry
        /// looks those names up in buckets too, so every bucket is crossed.
        /// </summary>
        [Fact]
        public void Every_enumeration_and_array_type_reads_back_as_an_anyType_value()
        {
            var values = new List<object>();
            foreach (Type type in RandomInstanceBuilder.EnumTypes)
            {
                values.Add(Activator.CreateInstance(type)!);
            }

            foreach (Type type in RandomInstanceBuilder.GeneratedTypes.Append(typeof(string)).Append(typeof(int)).Append(typeof(long)))
            {
                var array = Array.CreateInstance(type, 1);
                array.SetValue(type == typeof(string) ? "s" : Activator.CreateInstance(type), 0);
                values.Add(array);
            }

            var arrayTypes = new HashSet<Type>();
            foreach (object value in values)
            {
                var property = new DynamicProperty { Name = "v", Val = value };
                string xml = VimXmlSerializer.Serialize(property, VimTypeRegistry.Instance);
                object? read = VimXmlSerializer.Deserialize<DynamicProperty>(xml, VimTypeRegistry.Instance).Val;
                if (value is Array array)
                {
                    // Written as the nearest ArrayOfX the WSDL has (ArrayOfEvent for AccountCreatedEvent[]): read as that.
                    var copy = Assert.IsAssignableFrom<Array>(read);
                    Assert.True(copy.GetType().GetElementType()!.IsAssignableFrom(array.GetType().GetElementType()), array.GetType().Name + " read back as " + copy.GetType().Name);
                    Assert.Equal(array.GetType().GetElementType(), Assert.Single(copy.Cast<object>())!.GetType());
                    arrayTypes.Add(copy.GetType());
                }
                else
                {
                    Assert.True(read is not null && read.GetType() == value.GetType(), value.GetType().Name + " read back as " + read?.GetType().Name + ":\n" + xml);
                }
            }

            Assert.True(RandomInstanceBuilder.EnumTypes.Length > 300, "expected the whole 7.0u2 binding's enumerations");
            Assert.True(arrayTypes.Count > 500, "expected most ArrayOfX types, found " + arrayTypes.Count);
        }

        [Theory]
        [InlineData("")]
        [InlineData("AAAA")]
        [InlineData("zzzz")]
        [InlineData("arrayOfString")]
        [InlineData("ArrayOfStringX")]
        [InlineData("VirtualMachinePowerStateZ")]
        public void The_registry_reads_no_other_name_as_a_value(string name)
        {
            var reader = new VimXmlReader(System.Xml.XmlReader.Create(new System.IO.StringReader("<v/>")), VimTypeRegistry.Instance);

            Assert.False(VimTypeRegistry.Instance.TryReadValue(name, reader, out object? value));
            Assert.Null(value);
        }

        /// <summary>Reads as the type's root ancestor, so the xsi:type alone must bring back the exact type.</summary>
        private static object Deserialize(Type type, string xml)
        {
            Type root = type;
            while (root.BaseType is { } parent && typeof(IVimXmlSerializable).IsAssignableFrom(parent))
            {
                root = parent;
            }

            var method = typeof(VimXmlSerializer).GetMethods()
                .Single(m => m.Name == nameof(VimXmlSerializer.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string));
            return method.MakeGenericMethod(root).Invoke(null, new object[] { xml, VimTypeRegistry.Instance })!;
        }
    }
}
