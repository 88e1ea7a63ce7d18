using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Transport
{
    /// <summary>
    /// A server that answers RetrieveServiceContent (the first call of ConnectAsync) with broken, hostile or no HTTP:
    /// each must end in a clear VimException naming the endpoint and the operation, within seconds, never a hang.
    /// </summary>
    public sealed class HostileServerTests
    {
        private const string Operation = "RetrieveServiceContent";

        private const string SoapXml = "text/xml; charset=utf-8";

        /// <summary>Long enough never to fire in the scenarios that must fail fast: a hang shows as "timed out".</summary>
        private static readonly VimClientOptions Options = new() { Timeout = TimeSpan.FromSeconds(15) };

        /// <summary>"A few seconds", generous for a loaded 2-core machine and the first WCF call's start-up.</summary>
        private static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(12);

        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(40);

        private static string ServiceContentXml => File.ReadAllText(CapturedResponse.PathOf("RetrieveServiceContent.xml"));

        [Fact]
        public async Task A_body_shorter_than_its_Content_Length_is_a_connection_error()
        {
            string partial = ServiceContentXml[..400];
            await using var server = RawHttpServer.Start(1, async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: " + SoapXml + "\r\nContent-Length: 100000\r\n\r\n" + partial);
            });

            VimException ex = await ConnectFailsAsync(server);

            AssertClearError(ex, server);
        }

        [Fact]
        public async Task An_envelope_cut_in_the_middle_with_a_matching_Content_Length_is_refused()
        {
            string xml = ServiceContentXml;
            string truncated = xml[..(xml.IndexOf("<about>", StringComparison.Ordinal) + 20)];
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("200 OK", SoapXml, truncated));

            VimException ex = await ConnectFailsAsync(server);

            AssertClearError(ex, server);
        }

        [Fact]
        public async Task A_body_that_is_not_XML_at_all_is_refused()
        {
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("200 OK", SoapXml, "this is not XML { \"at\": \"all\" }"));

            VimException ex = await ConnectFailsAsync(server);

            AssertClearError(ex, server);
        }

        [Theory]
        [InlineData("200 OK")]
        [InlineData("503 Service Unavailable")]
        [InlineData("404 Not Found")]
        public async Task An_HTML_error_page_is_a_connection_error(string status)
        {
            const string Html = """
                <!DOCTYPE html>
                <html><head><title>Service Unavailable</title></head>
                <body><h1>The vSphere Client is being upgraded</h1><p>Please come back later.</p></body></html>
                """;
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync(status, "text/html; charset=utf-8", Html));

            VimException ex = await ConnectFailsAsync(server);

            Assert.IsType<VimConnectionException>(ex);
            AssertClearError(ex, server);
            Assert.Equal(new Uri(server.Url()), ((VimConnectionException)ex).Endpoint);
        }

        [Fact]
        public async Task A_declared_body_over_MaxResponseBytes_is_refused()
        {
            const int Declared = 4 * 1024 * 1024;
            await using var server = RawHttpServer.Start(1, async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: " + SoapXml + "\r\nContent-Length: " + Declared.ToString(CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n");
                await StreamPaddedEnvelopeAsync(c, Declared);
            });

            VimException ex = await ConnectFailsAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(15), MaxResponseBytes = 64 * 1024 });

            Assert.IsType<VimConnectionException>(ex);
            AssertClearError(ex, server);
        }

        [Fact]
        public async Task A_chunked_body_growing_over_MaxResponseBytes_is_refused_without_reading_it_all()
        {
            const int Sent = 8 * 1024 * 1024;
            await using var server = RawHttpServer.Start(1, async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: " + SoapXml + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                byte[] chunk = Encoding.ASCII.GetBytes("<x>" + new string('A', 16 * 1024) + "</x>");
                byte[] framed = Encoding.ASCII.GetBytes(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n").Concat(chunk).Concat(Encoding.ASCII.GetBytes("\r\n")).ToArray();
                for (int sent = 0; sent < Sent; sent += chunk.Length)
                {
                    await c.WriteAsync(framed);
                }

                await c.WriteAsync("0\r\n\r\n");
            });

            VimException ex = await ConnectFailsAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(15), MaxResponseBytes = 64 * 1024 });

            Assert.IsType<VimConnectionException>(ex);
            AssertClearError(ex, server);
        }

        [Fact]
        public async Task A_SOAP_fault_with_HTTP_500_is_a_typed_VimFaultException()
        {
            string fault = File.ReadAllText(CapturedResponse.PathOf("Fault-ManagedObjectNotFound.xml"));
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("500 Internal Server Error", SoapXml, fault));

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => VimClient.ConnectAsync(server.Url(), null, Options)).WaitAsync(HangGuard);

            ManagedObjectNotFound notFound = Assert.IsType<ManagedObjectNotFound>(ex.Fault);
            Assert.Equal("vm-99999", notFound.Obj?.Value);
            Assert.Equal("VirtualMachine", notFound.Obj?.Type);
            Assert.Equal("ServerFaultCode", ex.FaultCode);
            Assert.Equal("The object has already been deleted or has not been completely created", ex.FaultString);
            Assert.Equal(Operation, ex.Operation);
            Assert.Equal("ManagedObjectNotFound", ex.FaultTypeName);
            Assert.Contains("ManagedObjectNotFound", ex.Message, StringComparison.Ordinal);
            Assert.Contains(ex.FaultString, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_SOAP_fault_of_a_type_the_binding_does_not_know_keeps_its_faultstring()
        {
            const string Fault = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>Something from a newer release</faultstring><detail><FutureThingFault xmlns="urn:vim25" xsi:type="FutureThing"><what>x</what></FutureThingFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>
                """;
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("500 Internal Server Error", SoapXml, Fault));

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => VimClient.ConnectAsync(server.Url(), null, Options)).WaitAsync(HangGuard);

            Assert.Equal("Something from a newer release", ex.FaultString);
            Assert.Equal(Operation, ex.Operation);
            Assert.True(ex.Fault is null || ex.Fault.GetType() == typeof(MethodFault), "an unknown fault is null or a plain MethodFault, got " + ex.Fault?.GetType());
        }

        [Fact]
        public async Task HTTP_500_with_an_error_text_instead_of_a_SOAP_fault_is_a_connection_error()
        {
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("500 Internal Server Error", "text/plain", "Internal Server Error"));

            VimException ex = await ConnectFailsAsync(server);

            Assert.IsType<VimConnectionException>(ex);
            AssertClearError(ex, server);
        }

        [Theory]
        [InlineData("text/plain")]
        [InlineData(SoapXml)]
        public async Task HTTP_500_with_an_empty_body_is_a_malformed_response(string contentType)
        {
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("500 Internal Server Error", contentType, string.Empty));

            VimException ex = await ConnectFailsAsync(server);

            Assert.IsType<VimProtocolException>(ex);
            AssertClearError(ex, server);
        }

        [Fact]
        public async Task HTTP_200_with_an_empty_body_is_refused()
        {
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("200 OK", SoapXml, string.Empty));

            VimException ex = await ConnectFailsAsync(server);

            AssertClearError(ex, server);
        }

        [Theory]
        // EsxSdk's reader refuses a DTD where it starts (System.Xml's, behind the AppContext switch, gives the declaration's line).
        [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE soapenv:Envelope [ <!ENTITY a \"b\"> ]>\n<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body/></soapenv:Envelope>", 2)]
        [InlineData("this is not XML", 1)]
        [InlineData("", 1)]
        public async Task A_malformed_body_is_a_protocol_error_with_its_line(string body, int line)
        {
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("200 OK", SoapXml, body));

            VimException ex = await ConnectFailsAsync(server);

            var protocol = Assert.IsType<VimProtocolException>(ex);
            Assert.Equal(line, protocol.LineNumber);
            Assert.True(protocol.LinePosition > 0);
            AssertClearError(ex, server);
        }

        [Fact]
        public async Task An_envelope_with_an_empty_body_is_a_protocol_error_naming_the_endpoint()
        {
            const string Empty = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body></soapenv:Body></soapenv:Envelope>
                """;
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("200 OK", SoapXml, Empty));

            VimException ex = await ConnectFailsAsync(server);

            Assert.IsType<VimProtocolException>(ex);
            AssertClearError(ex, server);
        }

        [Fact]
        public async Task An_envelope_with_an_internal_DTD_is_refused_before_any_entity_is_expanded()
        {
            const string Laughs = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE soapenv:Envelope [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><RetrieveServiceContentResponse xmlns="urn:vim25"><returnval><about><name>&lol9;</name></about></returnval></RetrieveServiceContentResponse></soapenv:Body></soapenv:Envelope>
                """;
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("200 OK", SoapXml, Laughs));

            VimException ex = await ConnectFailsAsync(server);

            AssertClearError(ex, server);
            Assert.DoesNotContain("lollol", ex.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_external_entity_in_the_envelope_is_never_resolved()
        {
            string secretFile = Path.Combine(Path.GetTempPath(), "esxsdk-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
            File.WriteAllText(secretFile, "XXE-MARKER-7f3a");
            try
            {
                string xxe = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE soapenv:Envelope [ <!ENTITY xxe SYSTEM "file://{0}"> ]>
                    <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><RetrieveServiceContentResponse xmlns="urn:vim25"><returnval><about><name>&xxe;</name></about></returnval></RetrieveServiceContentResponse></soapenv:Body></soapenv:Envelope>
                    """.Replace("{0}", secretFile, StringComparison.Ordinal);
                await using var server = RawHttpServer.Start(1, c => c.RespondAsync("200 OK", SoapXml, xxe));

                VimException ex = await ConnectFailsAsync(server);

                AssertClearError(ex, server);
                Assert.DoesNotContain("XXE-MARKER-7f3a", ex.ToString(), StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(secretFile);
            }
        }

        [Fact]
        public async Task A_server_that_never_answers_is_a_time_out_after_VimClientOptions_Timeout()
        {
            await using var server = RawHttpServer.Start(1, async c =>
            {
                await c.ReadRequestAsync();
                await c.HoldAsync();
            });
            var started = Stopwatch.StartNew();

            VimException ex = await ConnectFailsAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(2) }, expectTimeOut: true);

            Assert.IsType<VimConnectionException>(ex);
            Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
            Assert.True(started.Elapsed >= TimeSpan.FromSeconds(1.5), "gave up after " + started.Elapsed + ", before the 2 s time-out");
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(8), "took " + started.Elapsed + " for a 2 s time-out");
        }

        [Fact]
        public async Task A_server_that_sends_half_the_headers_and_stalls_is_a_time_out()
        {
            await using var server = RawHttpServer.Start(1, async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/x");
                await c.HoldAsync();
            });

            VimException ex = await ConnectFailsAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(2) }, expectTimeOut: true);

            Assert.IsType<VimConnectionException>(ex);
            Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_server_that_closes_the_connection_at_once_is_a_connection_error()
        {
            await using var server = RawHttpServer.Start(3, _ => Task.CompletedTask);

            VimException ex = await ConnectFailsAsync(server);

            Assert.IsType<VimConnectionException>(ex);
            AssertClearError(ex, server);
        }

        [Fact]
        public async Task A_server_that_closes_after_reading_the_request_is_a_connection_error()
        {
            await using var server = RawHttpServer.Start(3, c => c.ReadRequestAsync());

            VimException ex = await ConnectFailsAsync(server);

            Assert.IsType<VimConnectionException>(ex);
            AssertClearError(ex, server);
        }

        [Fact]
        public async Task An_InvalidLogin_fault_is_a_VimFaultException_that_never_shows_the_password()
        {
            const string Password = "Hostile-Pa55word-9d1c";
            string serviceContent = ServiceContentXml;
            string invalidLogin = File.ReadAllText(CapturedResponse.PathOf("Fault-InvalidLogin.xml"));
            await using var server = RawHttpServer.Start(2, async c =>
            {
                string request = await c.ReadRequestAsync();
                bool login = request.Contains("<Login", StringComparison.Ordinal);
                await c.WriteAsync(login
                    ? RawHttpConnection.Response("500 Internal Server Error", SoapXml, invalidLogin)
                    : RawHttpConnection.Response("200 OK", SoapXml, serviceContent));
            });

            var ex = await Assert.ThrowsAsync<VimFaultException>(() => VimClient.ConnectAsync(server.Url(), new NetworkCredential("root", Password), Options)).WaitAsync(HangGuard);

            Assert.IsType<InvalidLogin>(ex.Fault);
            Assert.Equal("Login", ex.Operation);
            Assert.Equal("Login failure", ex.FaultString);
            Assert.Contains("InvalidLogin", ex.Message, StringComparison.Ordinal);
            Assert.Equal(2, server.Requests.Count);
            Assert.Contains(Password, server.Requests[1], StringComparison.Ordinal);
            Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Password, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, ex.FaultString, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_first_call_is_RetrieveServiceContent_on_the_ServiceInstance()
        {
            string serviceContent = ServiceContentXml;
            await using var server = RawHttpServer.Start(1, c => c.RespondAsync("200 OK", SoapXml, serviceContent));

            await using (VimClient client = await VimClient.ConnectAsync(server.Url(), null, Options).WaitAsync(HangGuard))
            {
                Assert.Equal("VirtualCenter", client.ServiceContent.About?.ApiType);
                Assert.Null(client.CurrentSession);
            }

            string request = Assert.Single(server.Requests);
            Assert.StartsWith("POST /sdk HTTP/1.1", request, StringComparison.Ordinal);
            Assert.Contains("<RetrieveServiceContent", request, StringComparison.Ordinal);
            Assert.Contains(">ServiceInstance</", request, StringComparison.Ordinal);
        }

        private static async Task<VimException> ConnectFailsAsync(RawHttpServer server, VimClientOptions? options = null, bool expectTimeOut = false)
        {
            var started = Stopwatch.StartNew();
            VimException ex = await Assert.ThrowsAnyAsync<VimException>(() => VimClient.ConnectAsync(server.Url(), null, options ?? Options)).WaitAsync(HangGuard);
            Assert.True(started.Elapsed < MaxDuration, "took " + started.Elapsed + " to fail: " + ex);
            if (!expectTimeOut)
            {
                Assert.DoesNotContain("timed out", ex.Message, StringComparison.Ordinal);
            }

            return ex;
        }

        private static void AssertClearError(VimException ex, RawHttpServer server)
        {
            Assert.True(ex is VimConnectionException or VimProtocolException, "expected a connection or protocol error, got " + ex);
            Assert.Equal(Operation, ex.Operation);
            Assert.Contains(Operation, ex.Message, StringComparison.Ordinal);
            Assert.Contains("127.0.0.1:" + server.Port.ToString(CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        }

        /// <summary>Writes an envelope whose about.name is padded with text to make <paramref name="total"/> bytes in all.</summary>
        private static async Task StreamPaddedEnvelopeAsync(RawHttpConnection connection, int total)
        {
            const string Head = """<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><RetrieveServiceContentResponse xmlns="urn:vim25"><returnval><about><name>""";
            const string Tail = "</name></about></returnval></RetrieveServiceContentResponse></soapenv:Body></soapenv:Envelope>";
            await connection.WriteAsync(Head);
            int padding = total - Encoding.UTF8.GetByteCount(Head) - Encoding.UTF8.GetByteCount(Tail);
            byte[] block = Encoding.ASCII.GetBytes(new string('A', 16 * 1024));
            for (int left = padding; left > 0; left -= block.Length)
            {
                await connection.WriteAsync(left >= block.Length ? block : block[..left]);
            }

            await connection.WriteAsync(Tail);
        }
    }
}
