using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using EsxSdk.Xml;

namespace EsxSdk.Benchmarks.Clients
{
    /// <summary>
    /// SOAP over a bare <see cref="HttpClient"/>: the envelope written and read with XmlWriter/XmlReader, no WCF
    /// message layer. Compared with <see cref="WcfSoapChannel"/> it shows what WCF costs per call.
    /// </summary>
    public sealed class HttpSoapChannel : ISoapChannel
    {
        private static readonly MediaTypeHeaderValue ContentType = new("text/xml") { CharSet = "utf-8" };
        private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };

        private readonly HttpClient http;
        private readonly Uri sdkUri;
        private readonly string action;

        public HttpSoapChannel(Uri sdkUri, string apiVersion)
        {
            this.sdkUri = sdkUri;
            this.action = "\"urn:vim25/" + apiVersion + "\"";
            this.http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true });
        }

        public async Task<T> CallAsync<T>(Action<XmlWriter> writeBody, Func<XmlReader, T> readBody, CancellationToken cancellationToken = default)
        {
            using HttpResponseMessage response = await this.SendAsync(writeBody, cancellationToken).ConfigureAwait(false);
            using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using XmlReader reader = XmlReader.Create(stream, VimXmlSerializer.CreateReaderSettings());
            SoapEnvelope.MoveToBodyContent(reader);
            SoapEnvelope.ThrowIfFault(reader);
            return readBody(reader);
        }

        /// <summary>Sends a request and returns the raw response bytes (used to capture payloads); faults throw.</summary>
        public async Task<byte[]> CallRawAsync(Action<XmlWriter> writeBody, CancellationToken cancellationToken = default)
        {
            using HttpResponseMessage response = await this.SendAsync(writeBody, cancellationToken).ConfigureAwait(false);
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using XmlReader reader = XmlReader.Create(new MemoryStream(bytes), VimXmlSerializer.CreateReaderSettings());
            SoapEnvelope.MoveToBodyContent(reader);
            SoapEnvelope.ThrowIfFault(reader);
            return bytes;
        }

        public ValueTask DisposeAsync()
        {
            this.http.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<HttpResponseMessage> SendAsync(Action<XmlWriter> writeBody, CancellationToken cancellationToken)
        {
            var body = new MemoryStream();
            using (XmlWriter writer = XmlWriter.Create(body, WriterSettings))
            {
                writer.WriteStartElement("soapenv", "Envelope", SoapEnvelope.Namespace);
                writer.WriteStartElement("soapenv", "Body", SoapEnvelope.Namespace);
                writeBody(writer);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            body.Position = 0;
            using var request = new HttpRequestMessage(HttpMethod.Post, this.sdkUri) { Content = new StreamContent(body) };
            request.Content.Headers.ContentType = ContentType;
            request.Headers.TryAddWithoutValidation("SOAPAction", this.action);
            // The body is read by the caller, so only the headers are awaited here.
            return await this.http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }
}
