using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Xml.Linq;

namespace EsxSdk.Tests.Support
{
    /// <summary>A raw SOAP response from <see cref="SoapProbe"/>: status, parsed envelope, fault type and session cookie.</summary>
    internal sealed class SoapProbeResponse
    {
        public static readonly XNamespace Vim25 = "urn:vim25";

        private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

        private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        public SoapProbeResponse(HttpStatusCode statusCode, string text, XDocument document, string? sessionCookie)
        {
            this.StatusCode = statusCode;
            this.Text = text;
            this.Document = document;
            this.SessionCookie = sessionCookie;
        }

        public HttpStatusCode StatusCode { get; }

        public string Text { get; }

        public XDocument Document { get; }

        /// <summary>The value of the <c>vmware_soap_session</c> cookie the response set, if any.</summary>
        public string? SessionCookie { get; }

        /// <summary>The <c>returnval</c> element of a successful response, or null.</summary>
        public XElement? ReturnValue => this.Body?.Elements().FirstOrDefault()?.Element(Vim25 + "returnval");

        /// <summary>
        /// The vim25 fault type of a SOAP fault (the detail element's xsi:type, e.g. <c>InvalidLogin</c>), or null.
        /// </summary>
        public string? FaultType
        {
            get
            {
                XElement? detail = this.Body?.Element(Soap + "Fault")?.Element("detail")?.Elements().FirstOrDefault();
                if (detail is null)
                {
                    return null;
                }

                string? type = (string?)detail.Attribute(Xsi + "type");
                if (type is not null)
                {
                    return type.Substring(type.IndexOf(':', StringComparison.Ordinal) + 1);
                }

                string name = detail.Name.LocalName;
                return name.EndsWith("Fault", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Fault".Length) : name;
            }
        }

        /// <summary>Elements of the SOAP body with the given local name in the vim25 namespace.</summary>
        public IEnumerable<XElement> Find(string localName) =>
            this.Body?.Descendants(Vim25 + localName) ?? Enumerable.Empty<XElement>();

        /// <summary>The text of the single body element with the given vim25 local name (a moref's value, say).</summary>
        public string Value(string localName) => this.Find(localName).Single().Value;

        public override string ToString() => (int)this.StatusCode + " " + this.Text;

        private XElement? Body => this.Document.Root?.Element(Soap + "Body");
    }
}
