namespace EsxSdk.Xml
{
    /// <summary>XML namespaces the vim25 wire format uses.</summary>
    public static class VimXmlNamespaces
    {
        /// <summary>The vim25 namespace of elements and types.</summary>
        public const string Vim25 = "urn:vim25";

        /// <summary>XML Schema instance (<c>xsi:type</c>, <c>xsi:nil</c>).</summary>
        public const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

        /// <summary>XML Schema (the built-in types such as <c>xsd:int</c>).</summary>
        public const string XmlSchema = "http://www.w3.org/2001/XMLSchema";
    }
}
