namespace EsxSdk.Xml
{
    /// <summary>
    /// Maps the wire type names of one generated binding to its types, for polymorphic (<c>xsi:type</c>)
    /// reading and for <c>xsd:anyType</c> values. Each binding generates one (<c>VimTypeRegistry.Instance</c>).
    /// </summary>
    public interface IVimTypeRegistry
    {
        /// <summary>The namespace of the binding's types and elements (<c>urn:vim25</c>).</summary>
        string Namespace { get; }

        /// <summary>A new instance of the complex type with this wire name, or null if the binding has none.</summary>
        IVimXmlSerializable? CreateObject(string typeName);

        /// <summary>Reads an anyType value of an enumeration or ArrayOfX type; false if the name is neither.</summary>
        bool TryReadValue(string typeName, VimXmlReader reader, out object? value);

        /// <summary>Writes an array as its ArrayOfX anyType value; false if no ArrayOfX matches the value.</summary>
        bool TryWriteValue(VimXmlWriter writer, string elementName, object value);

        /// <summary>The fault type a SOAP fault detail element carries (InvalidPropertyFault gives InvalidProperty), or null.</summary>
        string? FaultTypeOfElement(string elementName);
    }
}
