using System;

namespace EsxSdk.Properties
{
    /// <summary>
    /// Turns a value the property collector returned (already typed by the binding's reader) into the type a typed path or
    /// view property declares: the same object, or a number widened where the server sent a narrower xsd type.
    /// </summary>
    internal static class VimPropertyValue
    {
        /// <summary>The value as <typeparamref name="T"/>; null (or a null value type) stays so; another type is a protocol error.</summary>
        public static T? As<T>(object? value, string path)
        {
            switch (value)
            {
                case null:
                    return default;
                case T typed:
                    return typed;
            }

            Type target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            if (value is IConvertible && (target == typeof(long) || target == typeof(int) || target == typeof(short) || target == typeof(double) || target == typeof(float)))
            {
                return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
            }

            throw new VimProtocolException("The property '" + path + "' holds a " + value.GetType().Name + " where " + target.Name + " was expected.", "RetrievePropertiesEx");
        }

        /// <summary>A list value as an array; unset is empty; a single item (as some servers send one-item lists) is a list of one.</summary>
        public static T[] AsArray<T>(object? value, string path) => value switch
        {
            null => [],
            T[] items => items,
            T item => [item],
            object[] items => Array.ConvertAll(items, item => As<T>(item, path)!),
            _ => throw new VimProtocolException("The property '" + path + "' holds a " + value.GetType().Name + " where a list of " + typeof(T).Name + " was expected.", "RetrievePropertiesEx"),
        };
    }
}
