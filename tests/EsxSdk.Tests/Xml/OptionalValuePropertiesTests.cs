using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using EsxSdk.Tests.Support;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Xml
{
    /// <summary>
    /// Optional value-type properties (<c>int?</c>, <c>bool?</c>, <c>DateTimeOffset?</c>, enums, ...) keep whether they
    /// are set in bits shared by the whole class level (generator: OptionalValueLayout). Every such property of every
    /// generated type must still behave like an auto-property: null until set, the value it was given (also
    /// <c>0</c>/<c>false</c>, which are not null), null again when set to null, and no property disturbing another.
    /// </summary>
    public sealed class OptionalValuePropertiesTests
    {
        [Fact]
        public void Every_optional_value_property_keeps_its_own_value_and_null()
        {
            var failures = new List<string>();
            int checkedProperties = 0;
            foreach (Type type in RandomInstanceBuilder.GeneratedTypes)
            {
                PropertyInfo[] properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite && Nullable.GetUnderlyingType(p.PropertyType) != null)
                    .ToArray();
                if (properties.Length == 0)
                {
                    continue;
                }

                checkedProperties += properties.Length;
                object instance = Activator.CreateInstance(type)!;
                var expected = new object?[properties.Length];
                void Check(string step)
                {
                    for (int i = 0; i < properties.Length; i++)
                    {
                        object? actual = properties[i].GetValue(instance);
                        if (!Equals(actual, expected[i]))
                        {
                            failures.Add($"{type.Name}.{properties[i].Name} after {step}: {actual ?? "null"}, expected {expected[i] ?? "null"}");
                        }
                    }
                }

                void Set(int index, object? value, string step)
                {
                    properties[index].SetValue(instance, value);
                    expected[index] = value;
                    Check(step);
                }

                Check("construction");
                for (int i = 0; i < properties.Length; i++)
                {
                    Set(i, SampleValue(properties[i], i), "setting " + properties[i].Name);
                }

                for (int i = 0; i < properties.Length; i++)
                {
                    Set(i, OtherValue(properties[i], expected[i]!), "changing " + properties[i].Name);
                }

                for (int i = 0; i < properties.Length; i += 2)
                {
                    Set(i, null, "clearing " + properties[i].Name);
                }

                for (int i = properties.Length - 1; i >= 0; i--)
                {
                    Set(i, DefaultValue(properties[i]), "setting " + properties[i].Name + " to its default");
                }

                if (failures.Count > 20)
                {
                    break;
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
            Assert.True(checkedProperties > 1500, "expected the whole 7.0u2 binding's optional values, found " + checkedProperties);
        }

        /// <summary>A value that differs between neighbouring properties, so a shared bit or field would show.</summary>
        private static object SampleValue(PropertyInfo property, int index)
        {
            Type type = Nullable.GetUnderlyingType(property.PropertyType)!;
            if (type == typeof(bool))
            {
                return index % 2 == 0;
            }

            if (type == typeof(DateTimeOffset))
            {
                return new DateTimeOffset(2021, 3, 1, 12, 0, 0, TimeSpan.FromHours(index % 3)).AddDays(index);
            }

            if (typeof(IVimEnum).IsAssignableFrom(type))
            {
                // String-backed: any text is a value (a newer server's values are kept as sent).
                return Activator.CreateInstance(type, "value" + index.ToString(CultureInfo.InvariantCulture))!;
            }

            return Convert.ChangeType((index % 100) + 1, type, CultureInfo.InvariantCulture);
        }

        private static object OtherValue(PropertyInfo property, object current)
        {
            Type type = Nullable.GetUnderlyingType(property.PropertyType)!;
            if (type == typeof(bool))
            {
                return !(bool)current;
            }

            if (type == typeof(DateTimeOffset))
            {
                return ((DateTimeOffset)current).AddMinutes(-7);
            }

            if (typeof(IVimEnum).IsAssignableFrom(type))
            {
                return Activator.CreateInstance(type, current + "-changed")!;
            }

            return Convert.ChangeType(-Convert.ToInt32(current, CultureInfo.InvariantCulture), type, CultureInfo.InvariantCulture);
        }

        /// <summary>0, false, an enumeration's default: set, so not null.</summary>
        private static object DefaultValue(PropertyInfo property) => Activator.CreateInstance(Nullable.GetUnderlyingType(property.PropertyType)!)!;
    }
}
