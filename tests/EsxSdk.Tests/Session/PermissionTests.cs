using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Session
{
    /// <summary>NotAuthenticated while the session is alive is a permission problem: no blind re-login (vcsim cannot stage this).</summary>
    public sealed class PermissionTests
    {
        private const string SoapXml = "text/xml; charset=utf-8";

        private const string NotAuthenticatedFault = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>Permission to perform this operation was denied.</faultstring><detail><NotAuthenticatedFault xmlns="urn:vim25" xsi:type="NotAuthenticated"><object type="Folder">group-d1</object><privilegeId>Folder.Create</privilegeId></NotAuthenticatedFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>
            """;

        private const string CurrentSession = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><RetrievePropertiesExResponse xmlns="urn:vim25"><returnval><objects><obj type="SessionManager">SessionManager</obj><propSet><name>currentSession</name><val xsi:type="UserSession"><key>52b1</key><userName>readonly</userName><fullName>readonly</fullName><loginTime>2026-11-25T22:12:14Z</loginTime><lastActiveTime>2026-11-25T22:12:14Z</lastActiveTime><locale>en</locale><messageLocale>en</messageLocale><extensionSession>false</extensionSession><ipAddress>127.0.0.1</ipAddress><userAgent>x</userAgent><callCount>2</callCount></val></propSet></objects></returnval></RetrievePropertiesExResponse></soapenv:Body></soapenv:Envelope>
            """;

        private const string LogoutResponse = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><LogoutResponse xmlns="urn:vim25"></LogoutResponse></soapenv:Body></soapenv:Envelope>
            """;

        [Fact]
        public async Task NotAuthenticated_with_a_live_session_reports_missing_privileges_and_does_not_log_in_again()
        {
            string serviceContent = File.ReadAllText(CapturedResponse.PathOf("RetrieveServiceContent.xml"));
            string login = File.ReadAllText(CapturedResponse.PathOf("Login.xml"));
            await using var server = RawHttpServer.Start(8, async c =>
            {
                string request = await c.ReadRequestAsync();
                (string status, string body) = request switch
                {
                    _ when request.Contains("<RetrieveServiceContent", StringComparison.Ordinal) => ("200 OK", serviceContent),
                    _ when request.Contains("<Login", StringComparison.Ordinal) => ("200 OK", login),
                    _ when request.Contains("<CreateFolder", StringComparison.Ordinal) => ("500 Internal Server Error", NotAuthenticatedFault),
                    _ when request.Contains("<RetrievePropertiesEx", StringComparison.Ordinal) => ("200 OK", CurrentSession),
                    _ => ("200 OK", LogoutResponse),
                };
                await c.WriteAsync(RawHttpConnection.Response(status, SoapXml, body));
            });
            var logger = new CollectingLogger();
            var options = new VimClientOptions { Timeout = TimeSpan.FromSeconds(10), Logger = logger };

            await using VimClient client = await VimClient.ConnectAsync(server.Url(), new NetworkCredential("readonly", "pw-1"), options);
            var ex = await Assert.ThrowsAsync<VimFaultException>(() => client.Service.CreateFolderAsync(client.ServiceContent.RootFolder!, "denied"));

            var fault = Assert.IsType<NotAuthenticated>(ex.Fault);
            Assert.Equal("Folder.Create", fault.PrivilegeId);
            Assert.Contains("lacks privileges for CreateFolder", ex.Message, StringComparison.Ordinal);
            Assert.Single(server.Requests, r => r.Contains("<Login", StringComparison.Ordinal));
            Assert.Single(server.Requests, r => r.Contains("currentSession", StringComparison.Ordinal));
            Assert.Equal(1, logger.Count("NotAuthorized"));
            Assert.Equal(0, logger.Count("SessionExpired"));
        }
    }
}
