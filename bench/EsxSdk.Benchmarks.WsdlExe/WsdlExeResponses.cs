using System;
using System.Xml;
using System.Xml.Serialization;

namespace EsxSdk.Benchmarks.WsdlExeBinding
{
    /// <summary>
    /// Reads vim25 responses with the wsdl.exe model the way a wsdl.exe proxy (SoapHttpClientProtocol) reads a
    /// wrapped document/literal response: an <see cref="XmlMembersMapping"/> of the response element whose one
    /// member is <c>returnval</c>. One serializer per response, built once (the proxy caches its serializers too).
    /// Its types are those the response reaches (members and [XmlInclude]s), the scope of the twin baseline; the
    /// proxy-wide scope (every type in <see cref="VimServiceTypes"/>) is what makes an XmlSerializer slow, see bench/notes.md.
    /// </summary>
    public static class WsdlExeResponses
    {
        private const string Namespace = "urn:vim25";

        private static readonly Lazy<XmlSerializer> RetrievePropertiesExSerializer = new(() => Build("RetrievePropertiesExResponse", typeof(RetrieveResult)));

        /// <summary>Reads a RetrievePropertiesExResponse element (the reader is on it) and returns its returnval.</summary>
        public static RetrieveResult? ReadRetrievePropertiesEx(XmlReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var members = (object?[])RetrievePropertiesExSerializer.Value.Deserialize(reader)!;
            return (RetrieveResult?)members[0];
        }

        private static XmlSerializer Build(string responseElement, Type returnType)
        {
            var returnval = new XmlReflectionMember { MemberName = "returnval", MemberType = returnType, XmlAttributes = new XmlAttributes() };
            returnval.XmlAttributes.XmlElements.Add(new XmlElementAttribute("returnval"));
            XmlMembersMapping mapping = new XmlReflectionImporter(Namespace).ImportMembersMapping(responseElement, Namespace, [returnval], hasWrapperElement: true);
            return XmlSerializer.FromMappings([mapping])[0] ?? throw new InvalidOperationException("No serializer for " + responseElement);
        }
    }
}
