using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Tests.Support;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Transport
{
    /// <summary>
    /// Responses are decoded while they arrive: a body that stalls, trickles, is cancelled, is cut or turns to garbage
    /// halfway through ends like any other failed call (time-out from the start of the call, cancellation, connection
    /// error, protocol error with its place), and a large body decodes with the decoder running before its end has been sent.
    /// </summary>
    public sealed class StreamedResponseTests
    {
        private const string SoapXml = "text/xml; charset=utf-8";

        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        /// <summary>Generous for a loaded 2-core machine; what matters is that nothing waits for the server's 30 s limit.</summary>
        private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

        private static string ServiceContentXml => File.ReadAllText(CapturedResponse.PathOf("RetrieveServiceContent.xml"));

        private static string CurrentTimeXml => File.ReadAllText(CapturedResponse.PathOf("CurrentTime.xml"));

        [Fact]
        public async Task A_body_that_stalls_halfway_times_out_within_the_call_timeout()
        {
            byte[] body = Encoding.UTF8.GetBytes(RetrievePropertiesPayload.Build(200));
            await using var server = StartAfterServiceContent(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Head(body.Length) + Encoding.UTF8.GetString(body, 0, body.Length / 2));
                await c.HoldAsync();
            });
            await using VimClient client = await ConnectAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(3) });
            var clock = Stopwatch.StartNew();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => RetrieveAsync(client).WaitAsync(HangGuard));

            Assert.Contains("timed out after", ex.Message, StringComparison.Ordinal);
            Assert.Equal("RetrievePropertiesEx", ex.Operation);
            Assert.False(ex.RequestNotSent);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3) + Margin);
        }

        [Fact]
        public async Task A_body_that_trickles_forever_times_out_from_the_start_of_the_call_not_per_read()
        {
            byte[] body = Encoding.UTF8.GetBytes(RetrievePropertiesPayload.Build(200));
            await using var server = StartAfterServiceContent(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Head(body.Length));

                // A few bytes every 50 ms: no single read ever waits long, the whole body would take minutes.
                for (int sent = 0; sent < body.Length; sent += 64)
                {
                    await c.WriteAsync(body[sent..Math.Min(body.Length, sent + 64)]);
                    await Task.Delay(50, c.CancellationToken);
                }
            });
            await using VimClient client = await ConnectAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(3) });
            var clock = Stopwatch.StartNew();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => RetrieveAsync(client).WaitAsync(HangGuard));

            Assert.Contains("timed out after", ex.Message, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3) + Margin);
        }

        [Fact]
        public async Task Cancelling_while_the_body_is_read_ends_the_call_and_the_client_goes_on()
        {
            byte[] body = Encoding.UTF8.GetBytes(RetrievePropertiesPayload.Build(200));
            var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            string currentTime = CurrentTimeXml;
            await using var server = StartAfterServiceContent(
                async c =>
                {
                    await c.ReadRequestAsync();
                    await c.WriteAsync(Head(body.Length) + Encoding.UTF8.GetString(body, 0, body.Length / 2));
                    halfSent.SetResult();
                    await c.HoldAsync();
                },
                c => c.RespondAsync("200 OK", SoapXml, currentTime));
            await using VimClient client = await ConnectAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(60) });
            using var cancel = new CancellationTokenSource();

            Task<RetrieveResult?> call = RetrieveAsync(client, cancel.Token);
            await halfSent.Task.WaitAsync(HangGuard);
            await Task.Delay(300); // the decoder is most likely blocked in a read now; either way the call must end
            var clock = Stopwatch.StartNew();
            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(HangGuard));
            Assert.True(clock.Elapsed < Margin, "the cancelled call took " + clock.Elapsed + " to end");
            DateTimeOffset now = await client.Service.CurrentTimeAsync(new ManagedObjectReference("ServiceInstance", "ServiceInstance")).WaitAsync(HangGuard);
            Assert.Equal(2026, now.Year);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_connection_dropped_halfway_through_the_body_is_a_connection_error(bool chunked)
        {
            byte[] body = Encoding.UTF8.GetBytes(RetrievePropertiesPayload.Build(200));
            await using var server = StartAfterServiceContent(async c =>
            {
                await c.ReadRequestAsync();
                byte[] half = body[..(body.Length / 2)];
                await c.WriteAsync(chunked ? ChunkedHead() : Head(body.Length));
                await c.WriteAsync(chunked ? Chunk(half) : half);
            });
            await using VimClient client = await ConnectAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(30) });
            var clock = Stopwatch.StartNew();

            var ex = await Assert.ThrowsAsync<VimConnectionException>(() => RetrieveAsync(client).WaitAsync(HangGuard));

            Assert.False(ex.RequestNotSent, ex.ToString());
            Assert.Equal("RetrievePropertiesEx", ex.Operation);
            Assert.DoesNotContain("timed out", ex.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < Margin, "took " + clock.Elapsed);
        }

        [Fact]
        public async Task Malformed_XML_far_into_the_body_is_a_protocol_error_with_its_place()
        {
            string payload = RetrievePropertiesPayload.Build(100);
            int cut = RetrievePropertiesPayload.ObjectStart(payload, 60);
            string broken = payload[..cut] + "<objects><obj type=\"VirtualMachine\">vm-x</obj><propSet><name>a</name><val </broken></objects>";
            await using var server = StartAfterServiceContent(c => c.RespondAsync("200 OK", SoapXml, broken));
            await using VimClient client = await ConnectAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(30) });

            var ex = await Assert.ThrowsAsync<VimProtocolException>(() => RetrieveAsync(client).WaitAsync(HangGuard));

            int line = payload[..cut].Count(ch => ch == '\n') + 1;
            Assert.Equal(line, ex.LineNumber);
            Assert.True(ex.LinePosition > cut - payload.LastIndexOf('\n', cut), "the error is placed at " + ex.LineNumber + ":" + ex.LinePosition + ", before the break at offset " + cut);
            Assert.Equal("RetrievePropertiesEx", ex.Operation);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_large_response_decodes_in_full(bool chunked)
        {
            const int Objects = 1500; // about 25 MB
            byte[] body = Encoding.UTF8.GetBytes(RetrievePropertiesPayload.Build(Objects));
            await using var server = StartAfterServiceContent(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(chunked ? ChunkedHead() : Head(body.Length));
                for (int sent = 0; sent < body.Length; sent += 1024 * 1024)
                {
                    byte[] part = body[sent..Math.Min(body.Length, sent + (1024 * 1024))];
                    await c.WriteAsync(chunked ? Chunk(part) : part);
                }

                if (chunked)
                {
                    await c.WriteAsync("0\r\n\r\n");
                }
            });
            await using VimClient client = await ConnectAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(60) });

            RetrieveResult? result = await RetrieveAsync(client).WaitAsync(HangGuard);

            Assert.True(body.Length > 20_000_000, "the payload has " + body.Length + " bytes");
            ObjectContent[] objects = Assert.IsType<ObjectContent[]>(result?.Objects);
            Assert.Equal(Enumerable.Range(0, Objects).Select(i => "vm-" + i.ToString(CultureInfo.InvariantCulture)), objects.Select(o => o.Obj?.Value));
            Assert.All(objects, o => Assert.Equal("Folder", Assert.IsType<ManagedObjectReference>(o.PropSet?.Single(p => p.Name == "parent").Val).Type));
        }

        [Fact]
        public async Task The_decoder_runs_before_the_rest_of_the_body_has_been_sent()
        {
            byte[] body = Encoding.UTF8.GetBytes(RetrievePropertiesPayload.Build(200));
            var decoding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool decodingBeforeRest = false;
            await using var server = StartAfterServiceContent(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Head(body.Length));
                await c.WriteAsync(body[..(body.Length / 2)]);

                // A buffering transport cannot decode anything yet: it would never signal, and the test fails after the wait.
                decodingBeforeRest = await decoding.Task.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(t => t.IsCompletedSuccessfully, System.Threading.Tasks.TaskScheduler.Default);
                await c.WriteAsync(body[(body.Length / 2)..]);
            });
            await using VimClient client = await ConnectAsync(server, new VimClientOptions { Timeout = TimeSpan.FromSeconds(60) });
            var service = new VimService(client.ForBinding(new SignallingRegistry(decoding)));

            RetrieveResult? result = await service.RetrievePropertiesExAsync(client.ServiceContent.PropertyCollector!, Spec(), new RetrieveOptions()).WaitAsync(HangGuard);

            Assert.True(decodingBeforeRest, "the decoder made no object before the second half of the body was sent");
            Assert.Equal(200, result?.Objects?.Length);
        }

        /// <summary>Every call has a bound: a time-out that is not positive, or longer than WCF accepts, is refused up front.</summary>
        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(100 * 24 * 3600)]
        public void A_time_out_that_is_not_a_bound_WCF_accepts_is_refused_when_the_options_are_made(int seconds)
        {
            TimeSpan timeout = seconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);

            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new VimClientOptions { Timeout = timeout });

            Assert.Equal("Timeout", ex.ParamName);
            Assert.Contains("at most 24 days", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_longest_time_out_accepted_works_end_to_end()
        {
            byte[] body = Encoding.UTF8.GetBytes(RetrievePropertiesPayload.Build(3));
            await using var server = StartAfterServiceContent(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Head(body.Length));
                await c.WriteAsync(body);
            });
            await using VimClient client = await ConnectAsync(server, new VimClientOptions { Timeout = VimClientOptions.MaxTimeout }).WaitAsync(HangGuard);

            RetrieveResult? result = await RetrieveAsync(client).WaitAsync(HangGuard);

            Assert.Equal(3, result?.Objects.Length);
        }

        private static RawHttpServer StartAfterServiceContent(params Func<RawHttpConnection, Task>[] calls)
        {
            string serviceContent = ServiceContentXml;
            int connection = -1;
            return RawHttpServer.Start(calls.Length + 1, c =>
            {
                int index = Interlocked.Increment(ref connection);
                return index == 0 ? c.RespondAsync("200 OK", SoapXml, serviceContent) : calls[index - 1](c);
            });
        }

        private static Task<VimClient> ConnectAsync(RawHttpServer server, VimClientOptions options)
            => VimClient.ConnectAsync(server.Url(), null, options).WaitAsync(HangGuard);

        private static Task<RetrieveResult?> RetrieveAsync(VimClient client, CancellationToken cancellationToken = default)
            => client.Service.RetrievePropertiesExAsync(client.ServiceContent.PropertyCollector!, Spec(), new RetrieveOptions(), cancellationToken);

        private static PropertyFilterSpec[] Spec() =>
        [
            new PropertyFilterSpec
            {
                ObjectSet = [new ObjectSpec { Obj = new ManagedObjectReference("VirtualMachine", "vm-57") }],
                PropSet = [new PropertySpec { Type = "VirtualMachine", All = true }],
            },
        ];

        private static string Head(int contentLength)
            => "HTTP/1.1 200 OK\r\nContent-Type: " + SoapXml + "\r\nContent-Length: " + contentLength.ToString(CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n";

        private static string ChunkedHead()
            => "HTTP/1.1 200 OK\r\nContent-Type: " + SoapXml + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";

        private static byte[] Chunk(byte[] data)
            => [.. Encoding.ASCII.GetBytes(data.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. data, .. "\r\n"u8];

        /// <summary>The runtime's binding, signalling the first object it makes for the decoder.</summary>
        private sealed class SignallingRegistry(TaskCompletionSource decoding) : IVimTypeRegistry
        {
            public string Namespace => VimTypeRegistry.Instance.Namespace;

            public IVimXmlSerializable? CreateObject(string typeName)
            {
                decoding.TrySetResult();
                return VimTypeRegistry.Instance.CreateObject(typeName);
            }

            public bool TryReadValue(string typeName, VimXmlReader reader, out object? value)
            {
                decoding.TrySetResult();
                return VimTypeRegistry.Instance.TryReadValue(typeName, reader, out value);
            }

            public bool TryWriteValue(VimXmlWriter writer, string elementName, object value) => VimTypeRegistry.Instance.TryWriteValue(writer, elementName, value);

            public string? FaultTypeOfElement(string elementName) => VimTypeRegistry.Instance.FaultTypeOfElement(elementName);
        }
    }
}
