using System;
using System.Xml;

namespace EsxSdk.Xml
{
    /// <summary>The xsd built-in types, written with XmlConvert (invariant, round-trippable).</summary>
    public sealed partial class VimXmlWriter
    {
        /// <summary>Writes xsd:string (and xsd:anyURI); null is left out.</summary>
        public void WriteString(string name, string? value)
        {
            if (value is not null)
            {
                this.writer.WriteElementString(name, this.ns, value);
            }
        }

        /// <summary>Writes xsd:boolean.</summary>
        public void WriteBoolean(string name, bool value) => this.writer.WriteElementString(name, this.ns, XmlConvert.ToString(value));

        /// <summary>Writes an optional xsd:boolean.</summary>
        public void WriteBoolean(string name, bool? value)
        {
            if (value.HasValue)
            {
                this.WriteBoolean(name, value.Value);
            }
        }

        /// <summary>Writes xsd:byte.</summary>
        public void WriteSByte(string name, sbyte value) => this.writer.WriteElementString(name, this.ns, XmlConvert.ToString(value));

        /// <summary>Writes an optional xsd:byte.</summary>
        public void WriteSByte(string name, sbyte? value)
        {
            if (value.HasValue)
            {
                this.WriteSByte(name, value.Value);
            }
        }

        /// <summary>Writes xsd:short.</summary>
        public void WriteInt16(string name, short value) => this.writer.WriteElementString(name, this.ns, XmlConvert.ToString(value));

        /// <summary>Writes an optional xsd:short.</summary>
        public void WriteInt16(string name, short? value)
        {
            if (value.HasValue)
            {
                this.WriteInt16(name, value.Value);
            }
        }

        /// <summary>Writes xsd:int.</summary>
        public void WriteInt32(string name, int value) => this.writer.WriteElementString(name, this.ns, XmlConvert.ToString(value));

        /// <summary>Writes an optional xsd:int.</summary>
        public void WriteInt32(string name, int? value)
        {
            if (value.HasValue)
            {
                this.WriteInt32(name, value.Value);
            }
        }

        /// <summary>Writes xsd:long.</summary>
        public void WriteInt64(string name, long value) => this.writer.WriteElementString(name, this.ns, XmlConvert.ToString(value));

        /// <summary>Writes an optional xsd:long.</summary>
        public void WriteInt64(string name, long? value)
        {
            if (value.HasValue)
            {
                this.WriteInt64(name, value.Value);
            }
        }

        /// <summary>Writes xsd:float.</summary>
        public void WriteSingle(string name, float value) => this.writer.WriteElementString(name, this.ns, XmlConvert.ToString(value));

        /// <summary>Writes an optional xsd:float.</summary>
        public void WriteSingle(string name, float? value)
        {
            if (value.HasValue)
            {
                this.WriteSingle(name, value.Value);
            }
        }

        /// <summary>Writes xsd:double.</summary>
        public void WriteDouble(string name, double value) => this.writer.WriteElementString(name, this.ns, XmlConvert.ToString(value));

        /// <summary>Writes an optional xsd:double.</summary>
        public void WriteDouble(string name, double? value)
        {
            if (value.HasValue)
            {
                this.WriteDouble(name, value.Value);
            }
        }

        /// <summary>Writes xsd:dateTime with its offset.</summary>
        public void WriteDateTime(string name, DateTimeOffset value) => this.writer.WriteElementString(name, this.ns, XmlConvert.ToString(value));

        /// <summary>Writes an optional xsd:dateTime.</summary>
        public void WriteDateTime(string name, DateTimeOffset? value)
        {
            if (value.HasValue)
            {
                this.WriteDateTime(name, value.Value);
            }
        }

        /// <summary>Writes xsd:base64Binary; null is left out.</summary>
        public void WriteBase64(string name, byte[]? value)
        {
            if (value is not null)
            {
                this.writer.WriteElementString(name, this.ns, Convert.ToBase64String(value));
            }
        }

        private bool TryWritePrimitive(string name, object value)
        {
            (string Type, string Text)? typed = value switch
            {
                string s => ("string", s),
                bool b => ("boolean", XmlConvert.ToString(b)),
                sbyte sb => ("byte", XmlConvert.ToString(sb)),
                short s16 => ("short", XmlConvert.ToString(s16)),
                int i => ("int", XmlConvert.ToString(i)),
                long l => ("long", XmlConvert.ToString(l)),
                float f => ("float", XmlConvert.ToString(f)),
                double d => ("double", XmlConvert.ToString(d)),
                DateTimeOffset dto => ("dateTime", XmlConvert.ToString(dto)),
                DateTime dt => ("dateTime", XmlConvert.ToString(dt, XmlDateTimeSerializationMode.RoundtripKind)),
                Uri uri => ("anyURI", uri.OriginalString),

                // byte[] and sbyte[] pass each other's type tests in the CLR: test the exact type.
                byte[] bytes when value.GetType() == typeof(byte[]) => ("base64Binary", Convert.ToBase64String(bytes)),
                _ => null,
            };

            if (typed is not { } t)
            {
                return false;
            }

            this.WriteTypedText(name, VimXmlNamespaces.XmlSchema, t.Type, t.Text);
            return true;
        }
    }
}
