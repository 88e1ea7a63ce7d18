using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Serialization;
using EsxSdk.Xml;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Counts what a decoded object graph holds: objects, and values present (strings, numbers, booleans, dates,
    /// enums, EsxSdk's <see cref="IVimEnum"/> structs included). Three models of the same payload (EsxSdk, the twins, wsdl.exe's) must give the same counts, or one
    /// of them skipped data and its speed means nothing. XmlSerializer conventions: an <c>XSpecified</c> flag that
    /// is false means X is absent, and [XmlIgnore] members are not data. An XmlNode anywhere means XmlSerializer met
    /// an element or xsi:type it could not map, i.e. unread data: that fails the census.
    /// </summary>
    public static class GraphCensus
    {
        private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

        public static (long Objects, long Values) Count(object? root)
        {
            long objects = 0, values = 0;
            Visit(root, ref objects, ref values);
            return (objects, values);
        }

        private static void Visit(object? value, ref long objects, ref long values)
        {
            if (value is null)
            {
                return;
            }

            if (value is XmlNode or XmlNode[])
            {
                throw new InvalidOperationException("Unread data: XmlSerializer kept an XmlNode (" + value.GetType().Name + ")");
            }

            if (value is string or Enum or IVimEnum or DateTime or DateTimeOffset or byte[] || value.GetType().IsPrimitive)
            {
                values++;
                return;
            }

            if (value is IEnumerable items)
            {
                foreach (object? item in items)
                {
                    Visit(item, ref objects, ref values);
                }

                return;
            }

            objects++;
            foreach (Member member in Members.GetOrAdd(value.GetType(), Describe))
            {
                if (member.Specified is null || (bool)member.Specified.GetValue(value)!)
                {
                    Visit(member.Property.GetValue(value), ref objects, ref values);
                }
            }
        }

        private static Member[] Describe(Type type)
        {
            PropertyInfo[] properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            return properties
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<XmlIgnoreAttribute>() is null)
                .Select(p => new Member(p, properties.FirstOrDefault(s => s.Name == p.Name + "Specified" && s.PropertyType == typeof(bool))))
                .ToArray();
        }

        private sealed record Member(PropertyInfo Property, PropertyInfo? Specified);
    }
}
