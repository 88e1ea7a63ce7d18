using System;
using System.Collections.Generic;

namespace EsxSdk.Generator.Parsing
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// A parsed JSON value with the 1-based line and column it starts at, so a reader of the tree can say where a value
    /// has the wrong shape. Parsing-internal: the pipeline's models are built from it and never hold it.
    /// </summary>
    internal sealed class JsonValue
    {
        private JsonValue(JsonKind kind, int line, int column, string? text, List<JsonValue>? items, List<KeyValuePair<string, JsonValue>>? members)
        {
            this.Kind = kind;
            this.Line = line;
            this.Column = column;
            this.Text = text;
            this.Items = items ?? new List<JsonValue>();
            this.Members = members ?? new List<KeyValuePair<string, JsonValue>>();
        }

        public JsonKind Kind { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>A string's value or a number's text; null for the other kinds.</summary>
        public string? Text { get; }

        /// <summary>An array's items (empty for other kinds).</summary>
        public IReadOnlyList<JsonValue> Items { get; }

        /// <summary>An object's members in document order (empty for other kinds).</summary>
        public IReadOnlyList<KeyValuePair<string, JsonValue>> Members { get; }

        public static JsonValue Scalar(JsonKind kind, int line, int column, string? text = null) => new(kind, line, column, text, null, null);

        public static JsonValue Array(int line, int column, List<JsonValue> items) => new(JsonKind.Array, line, column, null, items, null);

        public static JsonValue Object(int line, int column, List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, line, column, null, null, members);

        /// <summary>The member named <paramref name="name"/> of an object (the last, if repeated), or null.</summary>
        public JsonValue? Member(string name)
        {
            JsonValue? found = null;
            foreach (KeyValuePair<string, JsonValue> member in this.Members)
            {
                if (string.Equals(member.Key, name, StringComparison.Ordinal))
                {
                    found = member.Value;
                }
            }

            return found;
        }
    }
}
