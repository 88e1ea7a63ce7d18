using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using EsxSdk.Xml;

namespace EsxSdk.Tests.Integration
{
    /// <summary>
    /// RetrievePropertiesEx sent with a plain HttpClient (<see cref="SoapProbe"/>), its response read with
    /// <see cref="VimXmlReader"/> and the generated registry, so the reader's skip count is visible
    /// (<see cref="VimClient"/> does not expose it).
    /// </summary>
    internal sealed class RawRetrieve
    {
        private const string SoapNamespace = "http://schemas.xmlsoap.org/soap/envelope/";

        private RawRetrieve(RetrieveResult? result, int skippedCount, IReadOnlyList<string> skipped, int length)
        {
            this.Result = result;
            this.SkippedElementCount = skippedCount;
            this.SkippedElements = skipped;
            this.Length = length;
        }

        /// <summary>The returnval, or null when the response had none (no properties).</summary>
        public RetrieveResult? Result { get; }

        public int SkippedElementCount { get; }

        public IReadOnlyList<string> SkippedElements { get; }

        /// <summary>The response's size in characters.</summary>
        public int Length { get; }

        /// <summary>RetrievePropertiesEx of every property (<c>all</c> = true) of one object.</summary>
        public static string AllPropertiesBody(string propertyCollector, ManagedObjectReference obj) =>
            "<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">" + Escape(propertyCollector) + "</_this>"
            + "<specSet><propSet><type>" + Escape(obj.Type) + "</type><all>true</all></propSet>"
            + "<objectSet><obj type=\"" + Escape(obj.Type) + "\">" + Escape(obj.Value) + "</obj><skip>false</skip></objectSet>"
            + "</specSet><options></options></RetrievePropertiesEx>";

        /// <summary>Posts the request and reads the response; on a SOAP fault or HTTP error only the raw response is returned.</summary>
        public static async Task<(RawRetrieve? Response, SoapProbeResponse Raw)> AllPropertiesAsync(VcsimPeer peer, string sessionCookie, string propertyCollector, ManagedObjectReference obj)
        {
            SoapProbeResponse raw = await SoapProbe.PostAsync(peer, AllPropertiesBody(propertyCollector, obj), sessionCookie);
            if (raw.StatusCode != HttpStatusCode.OK || raw.FaultType is not null)
            {
                return (null, raw);
            }

            return (Read(raw.Text), raw);
        }

        /// <summary>Reads a RetrievePropertiesExResponse envelope; unknown elements at any level count as skipped.</summary>
        public static RawRetrieve Read(string envelope)
        {
            using XmlReader xml = XmlReader.Create(new StringReader(envelope), VimXmlSerializer.CreateReaderSettings());
            xml.MoveToContent();
            if (!xml.ReadToDescendant("Body", SoapNamespace))
            {
                throw new InvalidDataException("No SOAP Body");
            }

            xml.Read();
            if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "RetrievePropertiesExResponse")
            {
                throw new InvalidDataException("Not a RetrievePropertiesExResponse: " + xml.LocalName);
            }

            var reader = new VimXmlReader(xml, VimTypeRegistry.Instance);
            RetrieveResult? result = null;
            reader.ReadElements(reader, (_, r) =>
            {
                if (r.LocalName != "returnval" || result is not null)
                {
                    return false;
                }

                result = r.ReadObject<RetrieveResult>("RetrieveResult");
                return true;
            });
            return new RawRetrieve(result, reader.SkippedElementCount, reader.SkippedElements, envelope.Length);
        }

        private static string Escape(string text) => new XText(text).ToString();
    }
}
