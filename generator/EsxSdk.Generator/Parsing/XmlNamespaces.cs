namespace EsxSdk.Generator.Parsing
{
    internal static class XmlNamespaces
    {
        public const string Wsdl = "http://schemas.xmlsoap.org/wsdl/";
        public const string WsdlSoap = "http://schemas.xmlsoap.org/wsdl/soap/";
        public const string Schema = "http://www.w3.org/2001/XMLSchema";
    }
}
