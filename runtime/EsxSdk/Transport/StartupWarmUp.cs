using System;
using System.IO;
using System.Runtime;
using System.ServiceModel.Channels;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Xml;

namespace EsxSdk.Transport
{
    /// <summary>
    /// A process's first connection spends most of its time loading and JIT-compiling code, one method after another on one
    /// thread. From the moment a connection starts, this runs on another core what that thread will need next: first the
    /// HTTP stack's set-up (<see cref="HttpStackWarmUp"/>, while the connecting thread loads WCF and builds the channel),
    /// then sample exchanges of the calls a connection makes first, through the same message layer (each request written
    /// as a call writes it, a sample response read as a reply is read). Nothing is sent. Once per process, only where there
    /// is a JIT and a second core; the AppContext switch <c>EsxSdk.Transport.DisableStartupWarmUp</c> turns it off.
    /// </summary>
    internal sealed class StartupWarmUp
    {
        public const string DisableSwitch = "EsxSdk.Transport.DisableStartupWarmUp";

        /// <summary>The endpoint the warm-up's samples name (never contacted: .invalid does not resolve).</summary>
        internal static readonly Uri SampleEndpoint = new("http://warm-up.invalid/sdk");

        private static int started;

        private readonly Exchange[] exchanges;

        private StartupWarmUp(Exchange[] exchanges) => this.exchanges = exchanges;

        /// <summary>
        /// Whether this process may warm up: a JIT at work (none under NativeAOT; RuntimeFeature.IsDynamicCodeCompiled
        /// follows the IsDynamicCodeSupported setting of AOT-ready apps even under the JIT), a core to spare, not switched off.
        /// </summary>
        public static bool Enabled
            => JitInfo.GetCompiledMethodCount(currentThread: false) > 0
                && Environment.ProcessorCount > 1
                && !(AppContext.TryGetSwitch(DisableSwitch, out bool disabled) && disabled);

        /// <summary>Whether a connection made now would start the warm-up (so callers make the sample only then).</summary>
        public static bool Pending => Volatile.Read(ref started) == 0 && Enabled;

        /// <summary>The exchange of <paramref name="operation"/>, whose request element has the operation's name.</summary>
        public static StartupWarmUp For<TResponse>(string operation, IVimXmlSerializable request, TResponse sampleResponse)
            where TResponse : class, IVimXmlSerializable, new()
            => new([Exchange.Of(operation, request, sampleResponse)]);

        /// <summary>These exchanges, then that of <paramref name="operation"/> (the call a connection makes next).</summary>
        public StartupWarmUp Then<TResponse>(string operation, IVimXmlSerializable request, TResponse sampleResponse)
            where TResponse : class, IVimXmlSerializable, new()
            => new([.. this.exchanges, Exchange.Of(operation, request, sampleResponse)]);

        /// <summary>
        /// Starts the warm-up on the thread pool, the first time a process asks; null when it does not run. The exchanges use
        /// an encoder from an element <paramref name="encoding"/> makes there (not the binding's: the channel set-up reads that one
        /// meanwhile); <paramref name="https"/> adds the TLS part of the HTTP set-up.
        /// </summary>
        public Task? StartOnce(Func<MessageEncodingBindingElement> encoding, bool https, IVimTypeRegistry registry)
        {
            if (!Enabled || Interlocked.Exchange(ref started, 1) != 0)
            {
                return null;
            }

            return Task.Run(() =>
            {
                try
                {
                    HttpStackWarmUp.Run(https);
                    this.Run(encoding().CreateMessageEncoderFactory().Encoder, registry);
                }
#pragma warning disable CA1031 // Only the timing depends on it: a failure must not reach the connection it runs beside.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            });
        }

        /// <summary>The exchanges in order, on the calling thread; returns each sample response as read back (tests check them).</summary>
        public IVimXmlSerializable[] Run(MessageEncoder encoder, IVimTypeRegistry registry)
        {
            var buffers = BufferManager.CreateBufferManager(0, int.MaxValue);
            var responses = new IVimXmlSerializable[this.exchanges.Length];
            for (int i = 0; i < this.exchanges.Length; i++)
            {
                responses[i] = this.exchanges[i].Run(encoder, buffers, registry);
            }

            return responses;
        }

        /// <summary>One call: its request written as a call writes it, a sample response read back as a reply is read.</summary>
        private sealed class Exchange(string operation, IVimXmlSerializable request, IVimXmlSerializable sampleResponse, Func<Message, IVimTypeRegistry, IVimXmlSerializable> readReply)
        {
            public static Exchange Of<TResponse>(string operation, IVimXmlSerializable request, TResponse sampleResponse)
                where TResponse : class, IVimXmlSerializable, new()
                => new(operation, request, sampleResponse, (reply, registry) => VimSoapTransport.ReadReply<TResponse>(SampleEndpoint, registry, operation, reply, registry));

            public IVimXmlSerializable Run(MessageEncoder encoder, BufferManager buffers, IVimTypeRegistry registry)
            {
                using (Message outgoing = Message.CreateMessage(encoder.MessageVersion, "urn:vim25/warm-up", new VimRequestBodyWriter(operation, request, registry)))
                {
                    buffers.ReturnBuffer(encoder.WriteMessage(outgoing, int.MaxValue, buffers, 0).Array);
                }

                byte[] response;
                using (Message sample = Message.CreateMessage(encoder.MessageVersion, null, new VimRequestBodyWriter(operation + "Response", sampleResponse, registry)))
                {
                    ArraySegment<byte> written = encoder.WriteMessage(sample, int.MaxValue, buffers, 0);
                    response = written.AsSpan().ToArray();
                    buffers.ReturnBuffer(written.Array);
                }

                using Message reply = encoder.ReadMessage(new MemoryStream(response, writable: false), 64 * 1024, encoder.ContentType);
                return readReply(reply, registry);
            }
        }
    }
}
