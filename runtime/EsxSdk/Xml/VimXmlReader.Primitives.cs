using System;
using System.Xml;

namespace EsxSdk.Xml
{
    /// <summary>The xsd built-in types: read as element text with XmlConvert (invariant, lossless).</summary>
    public sealed partial class VimXmlReader
    {
        private const int MaxFractionDigits = 7;

        /// <summary>Reads xsd:string (and xsd:anyURI).</summary>
        public string ReadString() => this.reader.ReadElementContentAsString();

        /// <summary>Reads xsd:boolean.</summary>
        public bool ReadBoolean() => this.ReadValue("xsd:boolean", XmlConvert.ToBoolean);

        /// <summary>Reads xsd:byte (signed).</summary>
        public sbyte ReadSByte() => this.ReadValue("xsd:byte", XmlConvert.ToSByte);

        /// <summary>Reads xsd:short.</summary>
        public short ReadInt16() => this.ReadValue("xsd:short", XmlConvert.ToInt16);

        /// <summary>Reads xsd:int.</summary>
        public int ReadInt32() => this.ReadValue("xsd:int", XmlConvert.ToInt32);

        /// <summary>Reads xsd:long.</summary>
        public long ReadInt64() => this.ReadValue("xsd:long", XmlConvert.ToInt64);

        /// <summary>Reads xsd:float.</summary>
        public float ReadSingle() => this.ReadValue("xsd:float", XmlConvert.ToSingle);

        /// <summary>Reads xsd:double.</summary>
        public double ReadDouble() => this.ReadValue("xsd:double", XmlConvert.ToDouble);

        /// <summary>Reads xsd:dateTime, keeping its offset.</summary>
        public DateTimeOffset ReadDateTime() => this.ReadValue("xsd:dateTime", ParseDateTime);

        /// <summary>Reads xsd:base64Binary.</summary>
        public byte[] ReadBase64() => this.ReadValue("xsd:base64Binary", Convert.FromBase64String);

        private bool TryReadPrimitive(string xsdType, out object? value)
        {
            value = xsdType switch
            {
                "string" => this.ReadString(),
                "anyURI" => new Uri(this.ReadString(), UriKind.RelativeOrAbsolute),
                "boolean" => this.ReadBoolean(),
                "byte" => this.ReadSByte(),
                "short" => this.ReadInt16(),
                "int" => this.ReadInt32(),
                "long" => this.ReadInt64(),
                "float" => this.ReadSingle(),
                "double" => this.ReadDouble(),
                "dateTime" => this.ReadDateTime(),
                "base64Binary" => this.ReadBase64(),
                _ => null,
            };
            return value is not null;
        }

        private T ReadValue<T>(string xsdType, Func<string, T> parse)
        {
            string name = this.reader.LocalName;
            int line = this.lineInfo?.LineNumber ?? 0;
            int position = this.lineInfo?.LinePosition ?? 0;
            string text = this.reader.ReadElementContentAsString();
            try
            {
                return parse(text);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                string shown = text.Length <= 64 ? text : text[..64] + "...";
                throw new VimXmlException("Element '" + name + "' holds '" + shown + "', which is not a valid " + xsdType, line, position, ex);
            }
        }

        /// <summary>xsd:dateTime allows any number of fraction digits; .NET keeps 7 (Go servers send 9).</summary>
        private static DateTimeOffset ParseDateTime(string text)
        {
            text = text.Trim();
            int dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                int end = dot + 1;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                if (end - dot - 1 > MaxFractionDigits)
                {
                    text = string.Concat(text.AsSpan(0, dot + 1 + MaxFractionDigits), text.AsSpan(end));
                }
            }

            return XmlConvert.ToDateTimeOffset(text);
        }
    }
}
