using System;
using System.Xml;

namespace EsxSdk.Xml
{
    /// <summary>
    /// Writes vim25 XML for the generated types: elements in the binding's namespace, <c>xsi:type</c>
    /// where a value's type differs from the declared one, and anyType values with their type.
    /// Null and empty optional members are left out.
    /// </summary>
    public sealed partial class VimXmlWriter
    {
        private readonly XmlWriter writer;
        private readonly string ns;

        /// <summary>Wraps an <see cref="XmlWriter"/> for one binding.</summary>
        public VimXmlWriter(XmlWriter writer, IVimTypeRegistry registry)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(registry);
            this.writer = writer;
            this.Registry = registry;
            this.ns = registry.Namespace;
        }

        /// <summary>The binding whose types this writer writes.</summary>
        public IVimTypeRegistry Registry { get; }

        /// <summary>The underlying writer, for callers that write an envelope around the vim25 content.</summary>
        public XmlWriter XmlWriter => this.writer;

        /// <summary>Writes an object, with <c>xsi:type</c> when it is of a subtype of <paramref name="declaredTypeName"/>.</summary>
        public void WriteObject<T>(string name, T? value, string declaredTypeName)
            where T : class, IVimXmlSerializable
        {
            if (value is null)
            {
                return;
            }

            this.writer.WriteStartElement(name, this.ns);
            string typeName = value.XmlTypeName;
            if (!string.Equals(typeName, declaredTypeName, StringComparison.Ordinal))
            {
                this.WriteXsiType(this.ns, typeName);
            }

            value.WriteXml(this);
            this.writer.WriteEndElement();
        }

        /// <summary>Writes an enumeration value; <c>default</c> (no value) is left out.</summary>
        public void WriteEnum<T>(string name, T value)
            where T : struct, IVimEnum<T>
        {
            if (value.Value.Length > 0)
            {
                this.writer.WriteElementString(name, this.ns, value.Value);
            }
        }

        /// <summary>Writes an optional enumeration value.</summary>
        public void WriteEnum<T>(string name, T? value)
            where T : struct, IVimEnum<T>
        {
            if (value.HasValue)
            {
                this.WriteEnum(name, value.Value);
            }
        }

        /// <summary>Writes each item as an element named <paramref name="name"/> (a maxOccurs="unbounded" member).</summary>
        public void WriteArray<T>(string name, T[]? values, Action<VimXmlWriter, string, T> writeItem)
        {
            if (values is null)
            {
                return;
            }

            foreach (T value in values)
            {
                writeItem(this, name, value);
            }
        }

        /// <summary>Writes an array as an anyType value of type <paramref name="arrayTypeName"/> (ArrayOfX).</summary>
        public void WriteArrayValue<T>(string name, string arrayTypeName, string itemName, T[] values, Action<VimXmlWriter, string, T> writeItem)
        {
            this.writer.WriteStartElement(name, this.ns);
            this.WriteXsiType(this.ns, arrayTypeName);
            foreach (T value in values)
            {
                writeItem(this, itemName, value);
            }

            this.writer.WriteEndElement();
        }

        /// <summary>
        /// Writes an <c>xsd:anyType</c> value with its <c>xsi:type</c>: boxed primitives, enumerations,
        /// data objects, arrays with an ArrayOfX type and <see cref="VimUnknownValue"/>.
        /// </summary>
        public void WriteAny(string name, object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case IVimXmlSerializable data:
                    this.writer.WriteStartElement(name, this.ns);
                    this.WriteXsiType(this.ns, data.XmlTypeName);
                    data.WriteXml(this);
                    this.writer.WriteEndElement();
                    return;
                case IVimEnum enumeration:
                    this.WriteTypedText(name, this.ns, enumeration.XmlTypeName, enumeration.Value);
                    return;
                case VimUnknownValue unknown:
                    this.writer.WriteStartElement(name, this.ns);
                    if (unknown.TypeName.Length > 0)
                    {
                        this.WriteXsiType(unknown.TypeNamespace, unknown.TypeName);
                    }

                    this.writer.WriteRaw(unknown.InnerXml);
                    this.writer.WriteEndElement();
                    return;
            }

            if (this.TryWritePrimitive(name, value) || this.Registry.TryWriteValue(this, name, value))
            {
                return;
            }

            throw new ArgumentException("A value of type '" + value.GetType().Name + "' cannot be written as the xsd:anyType element '" + name + "'.", nameof(value));
        }

        /// <summary>Writes an attribute of the current element; an empty value is left out.</summary>
        public void WriteAttribute(string name, string value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                this.writer.WriteAttributeString(name, value);
            }
        }

        /// <summary>Writes the text content of the current element.</summary>
        public void WriteText(string value) => this.writer.WriteString(value);

        private void WriteTypedText(string name, string typeNamespace, string typeName, string text)
        {
            this.writer.WriteStartElement(name, this.ns);
            this.WriteXsiType(typeNamespace, typeName);
            this.writer.WriteString(text);
            this.writer.WriteEndElement();
        }

        /// <summary>Writes xsi:type as a QName; the writer declares a prefix for the namespace if none is in scope.</summary>
        private void WriteXsiType(string typeNamespace, string typeName)
        {
            this.writer.WriteStartAttribute("xsi", "type", VimXmlNamespaces.XmlSchemaInstance);
            this.writer.WriteQualifiedName(typeName, typeNamespace);
            this.writer.WriteEndAttribute();
        }
    }
}
