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

        /// <summary>The registry looks names up in chunks of the sorted names: names before, between and after them are unknown.</summary>
        [Theory]
        [InlineData("")]
        [InlineData("AAAA")]
        [InlineData("zzzz")]
        [InlineData("virtualMachineConfigSpec")]
        [InlineData("VirtualMachineConfigSpecX")]
        [InlineData("HostSystemZ")]
        public void The_registry_knows_no_other_name(string name) => Assert.Null(VimTypeRegistry.Instance.CreateObject(name));

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
