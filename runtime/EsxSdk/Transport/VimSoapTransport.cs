using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using EsxSdk.Xml;

namespace EsxSdk.Transport
{
    /// <summary>
    /// SOAP 1.1 over HTTP(S) with System.ServiceModel.Http: one request channel shared by all calls
    /// (it is safe for concurrent requests), bodies written and read by the generated serializers, the
    /// <c>vmware_soap_session</c> cookie kept in the factory's cookie container. Responses are streamed: the
    /// generated reader decodes while the body arrives, under the call's time-out and token (<see cref="ResponseBodyGuard"/>).
    /// </summary>
    internal sealed class VimSoapTransport : IAsyncDisposable
    {
        private const int MaxReaderDepth = 256;

        private const int MaxHeaderBytes = 64 * 1024;

        /// <summary>An AppContext switch that buffers whole responses, as before streaming (for measurements only).</summary>
        private const string BufferResponsesSwitch = "EsxSdk.Transport.BufferResponses";

        private readonly IChannelFactory<IRequestChannel> factory;
        private readonly IRequestChannel channel;
        private readonly IVimTypeRegistry registry;
        private readonly TimeSpan timeout;

        private VimSoapTransport(Uri endpoint, IChannelFactory<IRequestChannel> factory, IRequestChannel channel, IVimTypeRegistry registry, TimeSpan timeout)
        {
            this.Endpoint = endpoint;
            this.factory = factory;
            this.channel = channel;
            this.registry = registry;
            this.timeout = timeout;
            this.Cookies = factory.GetProperty<IHttpCookieContainerManager>()?.CookieContainer ?? new CookieContainer();
        }

        public Uri Endpoint { get; }

        /// <summary>The SOAPAction version (<c>urn:vim25/{ApiVersion}</c>): the server's, capped at the binding's.</summary>
        public string ApiVersion { get; set; } = string.Empty;

        public CookieContainer Cookies { get; }

        /// <summary>Opens the channel; <paramref name="warmUp"/> (given only while none has started) runs beside it.</summary>
        public static async Task<VimSoapTransport> OpenAsync(VimTransportOptions options, IVimTypeRegistry registry, StartupWarmUp? warmUp, CancellationToken cancellationToken)
        {
            bool https = options.Endpoint.Scheme == Uri.UriSchemeHttps;

            // The switch exists to measure the old buffered mode beside the streamed one (bench/, "peak").
            bool buffered = AppContext.TryGetSwitch(BufferResponsesSwitch, out bool on) && on;
            if (warmUp is not null)
            {
                // Started before the binding, so its HTTP set-up runs while this thread loads WCF (bench/notes.md, "the HTTP
                // stack's first use"); its exchange makes an encoding of its own, as the channel set-up reads the binding's.
                _ = warmUp.StartOnce(() => CreateEncoding(options, buffered), https, registry);
            }

            CustomBinding binding = CreateBinding(options, https, buffered);

            // WCF hands its HttpClientHandler to this hook: certificate policy lives in one place, and every response
            // body is read under its call's time-out and token.
            Func<HttpClientHandler, HttpMessageHandler> configure = handler =>
            {
                if (https)
                {
                    handler.ServerCertificateCustomValidationCallback = CertificatePolicy(options);
                }

                return new GuardedResponseHandler(handler);
            };
            var parameters = new BindingParameterCollection { configure };

            IChannelFactory<IRequestChannel> factory = binding.BuildChannelFactory<IRequestChannel>(parameters);
            try
            {
                await Task.Factory.FromAsync(factory.BeginOpen, factory.EndOpen, options.Timeout, null).WaitAsync(cancellationToken).ConfigureAwait(false);
                IRequestChannel channel = factory.CreateChannel(new EndpointAddress(options.Endpoint));
                await Task.Factory.FromAsync(channel.BeginOpen, channel.EndOpen, options.Timeout, null).WaitAsync(cancellationToken).ConfigureAwait(false);
                return new VimSoapTransport(options.Endpoint, factory, channel, registry, options.Timeout);
            }
            catch (Exception ex) when (ex is CommunicationException or TimeoutException)
            {
                factory.Abort();
                throw new VimConnectionException("Cannot open a SOAP channel to " + options.Endpoint + ": " + ex.Message, options.Endpoint, null, ex);
            }
        }

        /// <summary>
        /// SOAP 1.1 without addressing over HTTP(S), what BasicHttpBinding builds, put together from its two elements: going
        /// through BasicHttpBinding (its security, MTOM and WebSocket settings) costs a cold start some 50 more methods to JIT.
        /// </summary>
        internal static CustomBinding CreateBinding(VimTransportOptions options, bool https, bool buffered)
        {
            HttpTransportBindingElement transport = https ? new HttpsTransportBindingElement() : new HttpTransportBindingElement();
            transport.AllowCookies = true;

            // Requests are small and stay buffered; a response is decoded as it arrives, never held whole.
            transport.TransferMode = buffered ? TransferMode.Buffered : TransferMode.StreamedResponse;
            transport.MaxReceivedMessageSize = options.MaxResponseBytes;

            // In streamed mode only the SOAP headers are buffered (vim25 sends none).
            transport.MaxBufferSize = (int)Math.Min(buffered ? int.MaxValue : MaxHeaderBytes, options.MaxResponseBytes);
            transport.MaxBufferPoolSize = 0;
            return new CustomBinding(CreateEncoding(options, buffered), transport)
            {
                SendTimeout = options.Timeout,
                ReceiveTimeout = options.Timeout,
                OpenTimeout = options.Timeout,
                CloseTimeout = TimeSpan.FromSeconds(10),
            };
        }

        /// <summary>SOAP 1.1 text; streamed replies are read by EsxSdk's reader (see <see cref="StreamedReplyEncoder"/>).</summary>
        private static MessageEncodingBindingElement CreateEncoding(VimTransportOptions options, bool buffered)
        {
            var text = new TextMessageEncodingBindingElement(MessageVersion.Soap11, System.Text.Encoding.UTF8);
            text.ReaderQuotas.MaxDepth = MaxReaderDepth;
            text.ReaderQuotas.MaxStringContentLength = int.MaxValue;
            text.ReaderQuotas.MaxArrayLength = int.MaxValue;
            text.ReaderQuotas.MaxBytesPerRead = int.MaxValue;
            text.ReaderQuotas.MaxNameTableCharCount = int.MaxValue;

            // Line and position of a malformed body count from the start of the response (see StreamedReplyEncoder).
            return buffered ? text : new StreamedReplyEncodingBindingElement(text, VimXmlSerializer.CreateReaderSettings(options.MaxResponseBytes));
        }

        /// <summary>
        /// Sends one request and reads the response element, or raises the fault or transport error. <paramref name="binding"/>
        /// (another binding's types, e.g. one generated from a consumer's WSDL) writes the request and reads the response;
        /// faults are always read with the runtime's binding, so they stay typed.
        /// </summary>
        public async Task<TResponse> InvokeAsync<TResponse>(string operation, string requestElement, IVimXmlSerializable request, IVimTypeRegistry? binding, CancellationToken cancellationToken)
            where TResponse : class, IVimXmlSerializable, new()
        {
            cancellationToken.ThrowIfCancellationRequested();
            binding ??= this.registry;
            using ResponseBodyGuard guard = ResponseBodyGuard.Start(this.timeout, cancellationToken);
            using Message message = Message.CreateMessage(MessageVersion.Soap11, "urn:vim25/" + this.ApiVersion, new VimRequestBodyWriter(requestElement, request, binding));
            Message reply = await this.RequestAsync(operation, message, guard, cancellationToken).ConfigureAwait(false);
            using (reply)
            {
                try
                {
                    return ReadReply<TResponse>(this.Endpoint, this.registry, operation, reply, binding);
                }
                catch (Exception ex) when (IsTransportFailure(ex))
                {
                    // The body is read after WCF returned the reply: a stall, a cut connection or the size limit surface here
                    // (the caller's cancellation stays an OperationCanceledException).
                    throw this.ConnectionError(operation, ex);
                }
            }
        }

        /// <summary>
        /// Closes at once. The client calls this after its own calls are done; a request it stopped waiting for (a long poll
        /// left on the server, a canceled call) would otherwise hold a graceful close for seconds.
        /// </summary>
        public ValueTask DisposeAsync()
        {
            this.channel.Abort();
            this.factory.Abort();
            return ValueTask.CompletedTask;
        }

        /// <summary>Sends the request and waits for the reply's headers (the body is read by the caller, from the reply).</summary>
        private async Task<Message> RequestAsync(string operation, Message message, ResponseBodyGuard guard, CancellationToken cancellationToken)
        {
            // WCF cannot cancel one request on a shared channel: cancellation stops the wait, the time-out ends the request.
            Task<Message> request = Task.Factory.FromAsync(this.channel.BeginRequest, this.channel.EndRequest, message, this.timeout, null);
            try
            {
                return await request.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // A streamed reply holds its connection until it is closed: close one that comes after the caller left.
                _ = request.ContinueWith(static done => done.Result.Close(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                _ = request.ContinueWith(static failed => failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
            catch (Exception ex) when (guard.BodyWasEmpty)
            {
                // WCF's streamed reader fails on an empty body with an ArgumentNullException: say what it is.
                throw new VimProtocolException("The response to " + operation + " from " + this.Endpoint + " has an empty body, not a SOAP envelope", operation, 1, 1, ex);
            }
            catch (Exception ex) when (MalformedXml(ex) is { } xml)
            {
                // The response arrived but its envelope is not XML (a DTD, no content, garbage): the body is at fault, not the network.
                throw MalformedResponse(this.Endpoint, operation, xml);
            }
            catch (Exception ex) when (IsTransportFailure(ex))
            {
                throw this.ConnectionError(operation, ex);
            }
        }

        /// <summary>Reads the response element of <paramref name="reply"/>, or raises its fault (read with <paramref name="faults"/>).</summary>
        internal static TResponse ReadReply<TResponse>(Uri endpoint, IVimTypeRegistry faults, string operation, Message reply, IVimTypeRegistry binding)
            where TResponse : class, IVimXmlSerializable, new()
        {
            if (reply.IsEmpty)
            {
                throw new VimProtocolException("The response to " + operation + " from " + endpoint + " has an empty SOAP body.", operation);
            }

            try
            {
                using XmlDictionaryReader body = reply.GetReaderAtBodyContents();
                var reader = new VimXmlReader(body, reply.IsFault ? faults : binding);
                if (reply.IsFault)
                {
                    SoapFault fault = SoapFault.Read(reader);
                    throw new VimFaultException(operation, fault.Code, fault.Text, fault.Detail);
                }

                if (body.MoveToContent() != XmlNodeType.Element)
                {
                    throw new VimProtocolException("The response to " + operation + " from " + endpoint + " has an empty SOAP body.", operation);
                }

                var response = new TResponse();
                response.ReadXml(reader);
                return response;
            }
            catch (XmlException ex)
            {
                throw MalformedResponse(endpoint, operation, ex);
            }
            catch (VimXmlException ex)
            {
                throw new VimProtocolException("The response to " + operation + " from " + endpoint + " cannot be read: " + ex.Message, operation, ex);
            }
        }

        /// <summary>The XML error of a response WCF could not parse (bare, or inside its ProtocolException), or null.</summary>
        private static XmlException? MalformedXml(Exception ex) => ex switch
        {
            XmlException xml => xml,
            ProtocolException { InnerException: XmlException xml } => xml,
            _ => null,
        };

        private static VimProtocolException MalformedResponse(Uri endpoint, string operation, XmlException ex)
        {
            // WCF's reader puts the place in the message only ("Line 2, position 3."): take it from there when the properties are empty.
            (int line, int position) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : PlaceInMessage(ex.Message);
            string what = ex.Message.Contains("DTD", StringComparison.Ordinal)
                ? "contains a DTD, which vim25 responses never have and EsxSdk refuses"
                : "is not valid XML: " + ex.Message;
            return new VimProtocolException("The response to " + operation + " from " + endpoint + " " + what, operation, line, position, ex);
        }

        private static (int Line, int Position) PlaceInMessage(string message)
        {
            System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(message, @"Line (\d+), position (\d+)");
            return match.Success
                ? (int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture))
                : (1, 1); // an empty body ends at its start
        }

        /// <summary>
        /// WCF lets some failures of reading the body through unwrapped (e.g. a body shorter than Content-Length), and the
        /// streamed body's own reads raise the HTTP stream's errors as they are.
        /// </summary>
        private static bool IsTransportFailure(Exception ex)
            => ex is CommunicationException or TimeoutException or XmlException or ObjectDisposedException or System.IO.IOException or HttpRequestException or System.Security.Authentication.AuthenticationException;

        private VimConnectionException ConnectionError(string operation, Exception ex)
        {
            string what = ex switch
            {
                TimeoutException => "timed out after " + this.timeout,
                _ when Find<System.Security.Authentication.AuthenticationException>(ex) is not null =>
                    "failed: the TLS handshake failed because the server certificate was rejected (not trusted, or not the pinned thumbprint); "
                    + "trust the host's certificate, or pass thumbprint=SHA256 or no_verify=1 deliberately (" + Innermost(ex) + ")",
                ProtocolException => "did not answer with SOAP (" + ex.Message + ")",
                QuotaExceededException => "sent a response over the size limit (" + ex.Message + ")",
                _ when Find<QuotaExceededException>(ex) is { } quota => "sent a response over the size limit (" + quota.Message + ")",
                EndpointNotFoundException => "found no SOAP endpoint (" + Innermost(ex) + ")",
                _ => "failed: " + Innermost(ex),
            };
            // Only a connection that could not be made proves the request was never sent.
            bool notSent = Find<HttpRequestException>(ex)?.HttpRequestError == HttpRequestError.ConnectionError;
            return new VimConnectionException(operation + " to " + this.Endpoint + " " + what, this.Endpoint, operation, notSent, ex);
        }

        private static T? Find<T>(Exception ex)
            where T : Exception
        {
            for (Exception? current = ex; current is not null; current = current.InnerException)
            {
                if (current is T found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>The messages down the inner exception chain: the useful reason is often two levels deep.</summary>
        private static string Innermost(Exception ex)
        {
            var messages = new System.Collections.Generic.List<string>();
            for (Exception? current = ex; current is not null && messages.Count < 4; current = current.InnerException)
            {
                if (!current.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase))
                {
                    messages.Add(current.Message);
                }
            }

            return string.Join(" -> ", messages);
        }

        /// <summary>Default OS validation; off only for no_verify=1; or exactly the pinned SHA-256 thumbprint.</summary>
        private static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> CertificatePolicy(VimTransportOptions options)
        {
            if (options.Thumbprint is { } pinned)
            {
                return (_, certificate, _, _) => certificate is not null
                    && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.RawData)), pinned, StringComparison.Ordinal);
            }

            if (options.NoVerify)
            {
                return (_, _, _, _) => true;
            }

            return (_, _, _, errors) => errors == SslPolicyErrors.None;
        }
    }
}
