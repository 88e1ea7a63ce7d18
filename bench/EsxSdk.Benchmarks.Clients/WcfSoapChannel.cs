using System;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace EsxSdk.Benchmarks.Clients
{
    /// <summary>
    /// SOAP over System.ServiceModel.Http (BasicHttpBinding, plain HTTP, cookies on): the channel svcutil
    /// proxies use and the one EsxSdk's own transport is built on.
    /// </summary>
    public sealed class WcfSoapChannel : ISoapChannel
    {
        private readonly IChannelFactory<IRequestChannel> factory;
        private readonly IRequestChannel channel;
        private readonly string action;

        private WcfSoapChannel(IChannelFactory<IRequestChannel> factory, IRequestChannel channel, string apiVersion)
        {
            this.factory = factory;
            this.channel = channel;
            this.action = "urn:vim25/" + apiVersion;
        }

        public static WcfSoapChannel Open(Uri sdkUri, string apiVersion)
        {
            var binding = new BasicHttpBinding(BasicHttpSecurityMode.None)
            {
                AllowCookies = true,
                MaxReceivedMessageSize = int.MaxValue,
                MaxBufferSize = int.MaxValue,
                MaxBufferPoolSize = 0,
                TextEncoding = System.Text.Encoding.UTF8,
            };
            binding.ReaderQuotas = XmlDictionaryReaderQuotas.Max;
            IChannelFactory<IRequestChannel> factory = binding.BuildChannelFactory<IRequestChannel>(new BindingParameterCollection());
            factory.Open();
            IRequestChannel channel = factory.CreateChannel(new EndpointAddress(sdkUri));
            channel.Open();
            return new WcfSoapChannel(factory, channel, apiVersion);
        }

        public async Task<T> CallAsync<T>(Action<XmlWriter> writeBody, Func<XmlReader, T> readBody, CancellationToken cancellationToken = default)
        {
            using Message request = Message.CreateMessage(MessageVersion.Soap11, this.action, new DelegateBodyWriter(writeBody));
            using Message reply = await Task.Factory.FromAsync(this.channel.BeginRequest, this.channel.EndRequest, request, null)
                .WaitAsync(cancellationToken)
                .ConfigureAwait(false);
            using XmlDictionaryReader body = reply.GetReaderAtBodyContents();
            body.MoveToContent();
            SoapEnvelope.ThrowIfFault(body);
            return readBody(body);
        }

        public ValueTask DisposeAsync()
        {
            this.channel.Close();
            this.factory.Close();
            return ValueTask.CompletedTask;
        }

        private sealed class DelegateBodyWriter(Action<XmlWriter> write) : BodyWriter(isBuffered: true)
        {
            protected override void OnWriteBodyContents(XmlDictionaryWriter writer) => write(writer);
        }
    }
}
