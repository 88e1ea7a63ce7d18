using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// Posts hand-written vim25 SOAP bodies to a <see cref="VcsimPeer"/> with a plain <see cref="HttpClient"/>
    /// (no EsxSdk client involved). Cookies are handled by hand: pass the session cookie a Login returned.
    /// </summary>
    internal static class SoapProbe
    {
        public const string SessionCookieName = "vmware_soap_session";

        private static readonly HttpClient Http = new HttpClient(new SocketsHttpHandler { UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        public static string RetrieveServiceContent() =>
            "<RetrieveServiceContent xmlns=\"urn:vim25\"><_this type=\"ServiceInstance\">ServiceInstance</_this></RetrieveServiceContent>";

        public static string CurrentTime() =>
            "<CurrentTime xmlns=\"urn:vim25\"><_this type=\"ServiceInstance\">ServiceInstance</_this></CurrentTime>";

        /// <summary>Login on the session manager named by the service content (SessionManager on VPX, ha-sessionmgr on ESX).</summary>
        public static string Login(string sessionManager, string user, string password) =>
            "<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">" + Escape(sessionManager) + "</_this>"
            + "<userName>" + Escape(user) + "</userName><password>" + Escape(password) + "</password></Login>";

        /// <summary>RetrievePropertiesEx of the given properties of one object.</summary>
        public static string RetrieveProperties(string propertyCollector, string type, string value, params string[] pathSet) =>
            "<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">" + Escape(propertyCollector) + "</_this>"
            + "<specSet><propSet><type>" + type + "</type><all>false</all>"
            + string.Concat(pathSet.Select(p => "<pathSet>" + p + "</pathSet>"))
            + "</propSet><objectSet><obj type=\"" + type + "\">" + Escape(value) + "</obj><skip>false</skip></objectSet>"
            + "</specSet><options></options></RetrievePropertiesEx>";

        /// <summary>RetrieveServiceContent, checked for success; the morefs of the managers differ between the models.</summary>
        public static async Task<SoapProbeResponse> ServiceContentAsync(VcsimPeer peer)
        {
            SoapProbeResponse response = await PostAsync(peer, RetrieveServiceContent());
            if (response.StatusCode != HttpStatusCode.OK || response.FaultType is not null)
            {
                throw new InvalidOperationException("RetrieveServiceContent failed: " + response);
            }

            return response;
        }

        /// <summary>Logs in with the peer's credentials and returns the session cookie.</summary>
        public static async Task<string> LoginAsync(VcsimPeer peer)
        {
            SoapProbeResponse content = await ServiceContentAsync(peer);
            SoapProbeResponse login = await PostAsync(peer, Login(content.Value("sessionManager"), peer.User, peer.Password));
            return login.SessionCookie ?? throw new InvalidOperationException("Login did not set a session cookie: " + login);
        }

        public static async Task<SoapProbeResponse> PostAsync(VcsimPeer peer, string body, string? sessionCookie = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, peer.Url)
            {
                Content = new StringContent(Envelope(body), Encoding.UTF8, "text/xml"),
            };
            request.Headers.TryAddWithoutValidation("SOAPAction", "urn:vim25/" + peer.ApiVersion);
            if (sessionCookie is not null)
            {
                request.Headers.TryAddWithoutValidation("Cookie", SessionCookieName + "=" + sessionCookie);
            }

            using HttpResponseMessage response = await Http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            string? cookie = null;
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                cookie = setCookies
                    .Select(c => c.Split(';')[0].Trim())
                    .Where(c => c.StartsWith(SessionCookieName + "=", StringComparison.Ordinal))
                    .Select(c => c.Substring(SessionCookieName.Length + 1))
                    .FirstOrDefault();
            }

            return new SoapProbeResponse(response.StatusCode, text, XDocument.Parse(text), cookie);
        }

        private static string Envelope(string body) =>
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";

        private static string Escape(string text) => new XText(text).ToString();
    }
}
