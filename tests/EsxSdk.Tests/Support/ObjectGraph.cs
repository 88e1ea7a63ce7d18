using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EsxSdk.Xml;

namespace EsxSdk.Tests.Support
{
    /// <summary>Reflection helpers for tests only: deep equality and walking generated object graphs.</summary>
    internal static class ObjectGraph
    {
        /// <summary>Returns null when equal, else the path and values where the graphs first differ.</summary>
        public static string? FirstDifference(object? expected, object? actual, string path = "$")
        {
            if (expected is null || actual is null)
            {
                return expected is null && actual is null ? null : path + ": " + Show(expected) + " vs " + Show(actual);
            }

            if (expected.GetType() != actual.GetType())
            {
                return path + ": type " + expected.GetType().Name + " vs " + actual.GetType().Name;
            }

            switch (expected)
            {
                case string or bool or sbyte or short or int or long or DateTimeOffset or IVimEnum or VimUnknownValue:
                    return Equals(expected, actual) ? null : path + ": " + Show(expected) + " vs " + Show(actual);
                case float f:
                    return f.Equals((float)actual) ? null : path + ": " + f + " vs " + actual;
                case double d:
                    return d.Equals((double)actual) ? null : path + ": " + d + " vs " + actual;
                case Uri uri:
                    return uri.OriginalString == ((Uri)actual).OriginalString ? null : path + ": " + uri + " vs " + actual;
                case byte[] bytes:
                    return bytes.AsSpan().SequenceEqual((byte[])actual) ? null : path + ": bytes differ";
                case Array array:
                    var other = (Array)actual;
                    if (array.Length != other.Length)
                    {
                        return path + ": length " + array.Length + " vs " + other.Length;
                    }

                    for (int i = 0; i < array.Length; i++)
                    {
                        if (FirstDifference(array.GetValue(i), other.GetValue(i), path + "[" + i + "]") is { } diff)
                        {
                            return diff;
                        }
                    }

                    return null;
            }

            foreach (PropertyInfo property in PublicProperties(expected.GetType()))
            {
                if (FirstDifference(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name) is { } diff)
                {
                    return diff;
                }
            }

            return null;
        }

        /// <summary>Every object reachable through public properties and array items, the root included.</summary>
        public static IEnumerable<object> Walk(object? root)
        {
            var stack = new Stack<object?>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                object? current = stack.Pop();
                if (current is null)
                {
                    continue;
                }

                yield return current;
                if (current is string || current.GetType().IsValueType)
                {
                    continue;
                }

                if (current is IEnumerable items and not string)
                {
                    foreach (object? item in items)
                    {
                        stack.Push(item);
                    }

                    continue;
                }

                if (current is IVimXmlSerializable)
                {
                    foreach (PropertyInfo property in PublicProperties(current.GetType()))
                    {
                        stack.Push(property.GetValue(current));
                    }
                }
            }
        }

        public static IEnumerable<PropertyInfo> PublicProperties(Type type)
            => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead);

        private static string Show(object? value) => value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            _ => value.ToString() ?? value.GetType().Name,
        };
    }
}
