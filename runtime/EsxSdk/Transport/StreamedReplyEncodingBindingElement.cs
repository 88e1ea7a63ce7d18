using System.ServiceModel.Channels;
using System.Xml;

namespace EsxSdk.Transport
{
    /// <summary>Puts <see cref="StreamedReplyEncoder"/> in a binding in place of a text encoding (whose settings it keeps).</summary>
    internal sealed class StreamedReplyEncodingBindingElement : MessageEncodingBindingElement
    {
        private readonly TextMessageEncodingBindingElement text;
        private readonly XmlReaderSettings settings;

        public StreamedReplyEncodingBindingElement(TextMessageEncodingBindingElement text, XmlReaderSettings settings)
        {
            this.text = text;
            this.settings = settings;
        }

        public override MessageVersion MessageVersion
        {
            get => this.text.MessageVersion;
            set => this.text.MessageVersion = value;
        }

        public override MessageEncoderFactory CreateMessageEncoderFactory() => new Factory(this.text.CreateMessageEncoderFactory(), this.settings);

        public override BindingElement Clone() => new StreamedReplyEncodingBindingElement((TextMessageEncodingBindingElement)this.text.Clone(), this.settings);

        public override IChannelFactory<TChannel> BuildChannelFactory<TChannel>(BindingContext context)
        {
            // The HTTP transport below takes its encoder from the binding parameters.
            context.BindingParameters.Add(this);
            return context.BuildInnerChannelFactory<TChannel>();
        }

        public override bool CanBuildChannelFactory<TChannel>(BindingContext context) => context.CanBuildInnerChannelFactory<TChannel>();

        public override T GetProperty<T>(BindingContext context) => this.text.GetProperty<T>(context);

        private sealed class Factory(MessageEncoderFactory text, XmlReaderSettings settings) : MessageEncoderFactory
        {
            private readonly StreamedReplyEncoder encoder = new(text.Encoder, settings);

            public override MessageEncoder Encoder => this.encoder;

            public override MessageVersion MessageVersion => text.MessageVersion;
        }
    }
}
