using System.ServiceModel.Channels;
using System.Xml;
using EsxSdk.Xml;

namespace EsxSdk.Transport
{
    /// <summary>Writes one vim25 request element as the SOAP body with the generated serializers.</summary>
    internal sealed class VimRequestBodyWriter : BodyWriter
    {
        private readonly string element;
        private readonly IVimXmlSerializable request;
        private readonly IVimTypeRegistry registry;

        public VimRequestBodyWriter(string element, IVimXmlSerializable request, IVimTypeRegistry registry)
            : base(isBuffered: true)
        {
            this.element = element;
            this.request = request;
            this.registry = registry;
        }

        protected override void OnWriteBodyContents(XmlDictionaryWriter writer)
        {
            writer.WriteStartElement(this.element, this.registry.Namespace);
            writer.WriteAttributeString("xmlns", "xsi", null, VimXmlNamespaces.XmlSchemaInstance);
            writer.WriteAttributeString("xmlns", "xsd", null, VimXmlNamespaces.XmlSchema);
            this.request.WriteXml(new VimXmlWriter(writer, this.registry));
            writer.WriteEndElement();
        }
    }
}
