using System;
using System.Globalization;
using System.Numerics;
using System.Xml;

namespace EsxSdk.Xml
{
    /// <summary>
    /// The xsd built-in types. Numbers, booleans and enumeration values are parsed from the element's text copied into
    /// a buffer the reader reuses, so a value costs no string; anything the fast path does not take goes to XmlConvert,
    /// which accepts or refuses exactly as before (invariant, lossless).
    /// </summary>
    public sealed partial class VimXmlReader
    {
        private const int MaxFractionDigits = 7;

        // XmlConvert's number formats: a sign and digits for integers; xsd:float/double add a point and an exponent.
        private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
        private const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

        /// <summary>Reads xsd:boolean.</summary>
        public bool ReadBoolean()
        {
            Text text = this.ReadText();
            return TrimXmlSpace(text.Chars) switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => this.Convert(text, "xsd:boolean", XmlConvert.ToBoolean),
            };
        }

        /// <summary>Reads xsd:byte (signed).</summary>
        public sbyte ReadSByte() => this.ReadNumber("xsd:byte", IntegerStyle, XmlConvert.ToSByte);

        /// <summary>Reads xsd:short.</summary>
        public short ReadInt16() => this.ReadNumber("xsd:short", IntegerStyle, XmlConvert.ToInt16);

        /// <summary>Reads xsd:int.</summary>
        public int ReadInt32() => this.ReadNumber("xsd:int", IntegerStyle, XmlConvert.ToInt32);

        /// <summary>Reads xsd:long.</summary>
        public long ReadInt64() => this.ReadNumber("xsd:long", IntegerStyle, XmlConvert.ToInt64);

        /// <summary>Reads xsd:float (INF, -INF and anything unusual go the XmlConvert way).</summary>
        public float ReadSingle() => this.ReadNumber("xsd:float", FloatStyle, XmlConvert.ToSingle);

        /// <summary>Reads xsd:double (INF, -INF and anything unusual go the XmlConvert way).</summary>
        public double ReadDouble() => this.ReadNumber("xsd:double", FloatStyle, XmlConvert.ToDouble);

        /// <summary>Reads xsd:dateTime, keeping its offset.</summary>
        public DateTimeOffset ReadDateTime() => this.Convert(this.ReadText(), "xsd:dateTime", ParseDateTime);

        /// <summary>Reads xsd:base64Binary.</summary>
        public byte[] ReadBase64() => this.Convert(this.ReadText(), "xsd:base64Binary", System.Convert.FromBase64String);

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

        /// <summary>A number parsed from the element's text with XmlConvert's styles; what the span parser refuses goes to <paramref name="slow"/>.</summary>
        private T ReadNumber<T>(string xsdType, NumberStyles style, Func<string, T> slow)
            where T : struct, INumberBase<T>
        {
            Text text = this.ReadText();
            return T.TryParse(TrimXmlSpace(text.Chars), style, NumberFormatInfo.InvariantInfo, out T value)
                ? value
                : this.Convert(text, xsdType, slow);
        }

        /// <summary>The slow path: the text as a string through <paramref name="parse"/>, its failure named with the element and place.</summary>
        private T Convert<T>(Text text, string xsdType, Func<string, T> parse)
        {
            string value = text.Chars.ToString();
            try
            {
                return parse(value);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                string shown = value.Length <= 64 ? value : value[..64] + "...";
                (int line, int position) = this.PlaceOf(text);
                throw new VimXmlException("Element '" + text.Element + "' holds '" + shown + "', which is not a valid " + xsdType, line, position, ex);
            }
        }

        /// <summary>XmlConvert trims exactly these four: the XML white space characters.</summary>
        private static ReadOnlySpan<char> TrimXmlSpace(ReadOnlySpan<char> text) => text.Trim(" \t\n\r");

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
