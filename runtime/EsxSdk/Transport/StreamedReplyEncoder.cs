using System;
using System.IO;
using System.ServiceModel.Channels;
using System.Xml;
using EsxSdk.Xml;

namespace EsxSdk.Transport
{
    /// <summary>
    /// WCF's text encoding, except that a streamed reply is parsed by EsxSdk's reader (<see cref="VimXmlSerializer.CreateReader"/>):
    /// WCF's own streamed text reader counts lines and positions from its current buffer, not from the start of the response,
    /// so a malformed body far in would be placed wrongly. The reader refuses DTDs and caps the characters (the settings').
    /// </summary>
    internal sealed class StreamedReplyEncoder : MessageEncoder
    {
        private readonly MessageEncoder text;
        private readonly XmlReaderSettings settings;

        public StreamedReplyEncoder(MessageEncoder text, XmlReaderSettings settings)
        {
            this.text = text;
            this.settings = settings;
        }

        public override string ContentType => this.text.ContentType;

        public override string MediaType => this.text.MediaType;

        public override MessageVersion MessageVersion => this.text.MessageVersion;

        public override bool IsContentTypeSupported(string contentType) => this.text.IsContentTypeSupported(contentType);

        public override T GetProperty<T>() => this.text.GetProperty<T>();

        public override Message ReadMessage(ArraySegment<byte> buffer, BufferManager bufferManager, string contentType)
            => this.text.ReadMessage(buffer, bufferManager, contentType);

        public override Message ReadMessage(Stream stream, int maxSizeOfHeaders, string contentType)
        {
            XmlReader reader = VimXmlSerializer.CreateReader(stream, this.settings.MaxCharactersInDocument);
            try
            {
                return Message.CreateMessage(reader, maxSizeOfHeaders, this.text.MessageVersion);
            }
            catch (XmlException ex) when (ex.LineNumber == 0 && reader is IXmlLineInfo { LineNumber: > 0 } place)
            {
                // A refused DTD comes without its place: give the reader's (its last node, the XML declaration before the DTD).
                throw new XmlException(ex.Message, ex, place.LineNumber, place.LinePosition);
            }
        }

        public override ArraySegment<byte> WriteMessage(Message message, int maxMessageSize, BufferManager bufferManager, int messageOffset)
            => this.text.WriteMessage(message, maxMessageSize, bufferManager, messageOffset);

        public override void WriteMessage(Message message, Stream stream) => this.text.WriteMessage(message, stream);
    }
}
