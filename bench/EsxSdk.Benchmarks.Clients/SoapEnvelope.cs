using System.Xml;

namespace EsxSdk.Benchmarks.Clients
{
    /// <summary>The SOAP 1.1 envelope parts both channels share.</summary>
    public static class SoapEnvelope
    {
        public const string Namespace = "http://schemas.xmlsoap.org/soap/envelope/";

        /// <summary>Moves a reader on a whole envelope to the body's first element.</summary>
        public static void MoveToBodyContent(XmlReader reader)
        {
            reader.MoveToContent();
            if (!reader.ReadToDescendant("Body", Namespace))
            {
                throw new XmlException("The response has no SOAP Body");
            }

            reader.Read();
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new XmlException("The response has an empty SOAP Body");
            }
        }

        /// <summary>Throws <see cref="SoapFaultException"/> when the reader is on a soap:Fault element.</summary>
        public static void ThrowIfFault(XmlReader reader)
        {
            if (reader.LocalName != "Fault" || reader.NamespaceURI != Namespace)
            {
                return;
            }

            string faultString = reader.ReadToDescendant("faultstring") ? reader.ReadElementContentAsString() : "(no faultstring)";
            throw new SoapFaultException(faultString);
        }
    }
}
