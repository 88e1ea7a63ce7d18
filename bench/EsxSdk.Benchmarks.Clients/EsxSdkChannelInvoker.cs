using System;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Transport;
using EsxSdk.Vim25;
using EsxSdk.Xml;

namespace EsxSdk.Benchmarks.Clients
{
    /// <summary>EsxSdk's generated serializers over any <see cref="ISoapChannel"/> (for <see cref="VimService"/>).</summary>
    public sealed class EsxSdkChannelInvoker(ISoapChannel channel) : IVimInvoker
    {
        private static readonly IVimTypeRegistry Registry = VimTypeRegistry.Instance;

        public ISoapChannel Channel { get; } = channel ?? throw new ArgumentNullException(nameof(channel));

        /// <summary>Writes a request element the way EsxSdk's transport does.</summary>
        public static void WriteRequest(System.Xml.XmlWriter writer, string requestElement, IVimXmlSerializable request)
        {
            writer.WriteStartElement(requestElement, Registry.Namespace);
            writer.WriteAttributeString("xmlns", "xsi", null, VimXmlNamespaces.XmlSchemaInstance);
            writer.WriteAttributeString("xmlns", "xsd", null, VimXmlNamespaces.XmlSchema);
            request.WriteXml(new VimXmlWriter(writer, Registry));
            writer.WriteEndElement();
        }

        public Task<TResponse> InvokeAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, CancellationToken cancellationToken)
            where TResponse : class, IVimXmlSerializable, new()
            => this.Channel.CallAsync(
                writer => WriteRequest(writer, requestElement, request),
                reader =>
                {
                    var response = new TResponse();
                    response.ReadXml(new VimXmlReader(reader, Registry));
                    return response;
                },
                cancellationToken);
    }
}
