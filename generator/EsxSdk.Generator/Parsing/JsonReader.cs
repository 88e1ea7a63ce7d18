using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace EsxSdk.Generator.Parsing
{
    /// <summary>
    /// A small strict JSON reader (RFC 8259) for the generator's JSON inputs: netstandard2.0 compiler plug-ins cannot
    /// count on System.Text.Json being loadable. Any error is a <see cref="JsonReaderException"/> with the line and
    /// column it was found at; nesting is bounded so a hostile file cannot exhaust the compiler's stack.
    /// </summary>
    internal sealed class JsonReader
    {
        /// <summary>Deeper than any real model (it nests four levels); a bound, not a format rule.</summary>
        private const int MaxDepth = 64;

        private readonly string text;
        private readonly CancellationToken cancellationToken;
        private int position;
        private int line = 1;
        private int lineStart;

        private JsonReader(string text, CancellationToken cancellationToken)
        {
            this.text = text;
            this.cancellationToken = cancellationToken;
        }

        private int Column => this.position - this.lineStart + 1;

        /// <summary>Reads one JSON value that makes up the whole text (whitespace and a leading BOM aside).</summary>
        public static JsonValue Read(string text, CancellationToken cancellationToken)
        {
            var reader = new JsonReader(text, cancellationToken);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                reader.position = reader.lineStart = 1;
            }

            reader.SkipWhitespace();
            JsonValue value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader.position < text.Length)
            {
                throw reader.Error("unexpected '" + text[reader.position] + "' after the end of the document");
            }

            return value;
        }

        private JsonValue ReadValue(int depth)
        {
            if (this.position >= this.text.Length)
            {
                throw this.Error("unexpected end of file, expected a value");
            }

            int line = this.line;
            int column = this.Column;
            char c = this.text[this.position];
            switch (c)
            {
                case '{':
                    return this.ReadObject(depth + 1, line, column);
                case '[':
                    return this.ReadArray(depth + 1, line, column);
                case '"':
                    return JsonValue.Scalar(JsonKind.String, line, column, this.ReadString());
                case 't':
                    this.ReadWord("true");
                    return JsonValue.Scalar(JsonKind.True, line, column);
                case 'f':
                    this.ReadWord("false");
                    return JsonValue.Scalar(JsonKind.False, line, column);
                case 'n':
                    this.ReadWord("null");
                    return JsonValue.Scalar(JsonKind.Null, line, column);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return JsonValue.Scalar(JsonKind.Number, line, column, this.ReadNumber());
                    }

                    throw this.Error("unexpected '" + c + "', expected a value");
            }
        }

        private JsonValue ReadObject(int depth, int line, int column)
        {
            this.CheckDepth(depth);
            this.position++;
            var members = new List<KeyValuePair<string, JsonValue>>();
            this.SkipWhitespace();
            if (this.TryConsume('}'))
            {
                return JsonValue.Object(line, column, members);
            }

            while (true)
            {
                this.cancellationToken.ThrowIfCancellationRequested();
                this.SkipWhitespace();
                if (this.position >= this.text.Length || this.text[this.position] != '"')
                {
                    throw this.Error("expected a member name in double quotes");
                }

                string name = this.ReadString();
                this.SkipWhitespace();
                this.Expect(':');
                this.SkipWhitespace();
                members.Add(new KeyValuePair<string, JsonValue>(name, this.ReadValue(depth)));
                this.SkipWhitespace();
                if (this.TryConsume('}'))
                {
                    return JsonValue.Object(line, column, members);
                }

                this.Expect(',');
            }
        }

        private JsonValue ReadArray(int depth, int line, int column)
        {
            this.CheckDepth(depth);
            this.position++;
            var items = new List<JsonValue>();
            this.SkipWhitespace();
            if (this.TryConsume(']'))
            {
                return JsonValue.Array(line, column, items);
            }

            while (true)
            {
                this.cancellationToken.ThrowIfCancellationRequested();
                this.SkipWhitespace();
                items.Add(this.ReadValue(depth));
                this.SkipWhitespace();
                if (this.TryConsume(']'))
                {
                    return JsonValue.Array(line, column, items);
                }

                this.Expect(',');
            }
        }

        private string ReadString()
        {
            this.position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (this.position >= this.text.Length)
                {
                    throw this.Error("unexpected end of file in a string");
                }

                char c = this.text[this.position];
                if (c == '"')
                {
                    this.position++;
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw this.Error("control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " in a string (escape it)");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    this.position++;
                    continue;
                }

                if (this.position + 1 >= this.text.Length)
                {
                    throw this.Error("unexpected end of file in a string");
                }

                char escape = this.text[this.position + 1];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        builder.Append(this.ReadUnicodeEscape());
                        continue;
                    default:
                        throw this.Error("invalid escape '\\" + escape + "' in a string");
                }

                this.position += 2;
            }
        }

        /// <summary>A <c>\uXXXX</c> escape (at the backslash); surrogate pairs come as two escapes and are kept as two chars.</summary>
        private char ReadUnicodeEscape()
        {
            if (this.position + 6 > this.text.Length
                || !ushort.TryParse(this.text.Substring(this.position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
            {
                throw this.Error("invalid \\u escape in a string (four hex digits expected)");
            }

            this.position += 6;
            return (char)code;
        }

        private string ReadNumber()
        {
            int start = this.position;
            this.TryConsume('-');
            if (this.TryConsume('0'))
            {
                // A leading zero stands alone: "01" is not JSON.
            }
            else if (!this.ReadDigits())
            {
                throw this.Error("invalid number");
            }

            if (this.TryConsume('.') && !this.ReadDigits())
            {
                throw this.Error("invalid number: digits expected after '.'");
            }

            if (this.TryConsume('e') || this.TryConsume('E'))
            {
                if (!this.TryConsume('+'))
                {
                    this.TryConsume('-');
                }

                if (!this.ReadDigits())
                {
                    throw this.Error("invalid number: digits expected in the exponent");
                }
            }

            return this.text.Substring(start, this.position - start);
        }

        private bool ReadDigits()
        {
            int start = this.position;
            while (this.position < this.text.Length && this.text[this.position] >= '0' && this.text[this.position] <= '9')
            {
                this.position++;
            }

            return this.position > start;
        }

        private void ReadWord(string word)
        {
            if (string.CompareOrdinal(this.text, this.position, word, 0, word.Length) != 0)
            {
                throw this.Error("unexpected '" + this.text[this.position] + "', expected a value");
            }

            this.position += word.Length;
        }

        private void SkipWhitespace()
        {
            while (this.position < this.text.Length)
            {
                char c = this.text[this.position];
                if (c == '\n')
                {
                    this.line++;
                    this.lineStart = this.position + 1;
                }
                else if (c != ' ' && c != '\t' && c != '\r')
                {
                    return;
                }

                this.position++;
            }
        }

        private bool TryConsume(char c)
        {
            if (this.position < this.text.Length && this.text[this.position] == c)
            {
                this.position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!this.TryConsume(c))
            {
                throw this.position >= this.text.Length
                    ? this.Error("unexpected end of file, expected '" + c + "'")
                    : this.Error("unexpected '" + this.text[this.position] + "', expected '" + c + "'");
            }
        }

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw this.Error("nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            }
        }

        private JsonReaderException Error(string message) => new(message, this.line, this.Column);
    }

    /// <summary>Why a JSON text could not be read, and where (1-based line and column).</summary>
    internal sealed class JsonReaderException : Exception
    {
        public JsonReaderException(string message, int line, int column)
            : base(message)
        {
            this.Line = line;
            this.Column = column;
        }

        public int Line { get; }

        public int Column { get; }
    }
}
