using System.ComponentModel;

namespace EsxSdk.Xml
{
    /// <summary>
    /// Implemented by every generated vim25 complex type: reflection-free XML reading and writing.
    /// Used by <see cref="VimXmlReader"/> and <see cref="VimXmlWriter"/>, not meant to be called directly.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IVimXmlSerializable
    {
        /// <summary>The wire name of the object's type, written as <c>xsi:type</c> where it differs from the declared one.</summary>
        string XmlTypeName { get; }

        /// <summary>Writes the attributes and content of the element the writer has just started.</summary>
        void WriteXml(VimXmlWriter writer);

        /// <summary>Reads attributes and content; the reader is on the start tag and ends after the end tag.</summary>
        void ReadXml(VimXmlReader reader);
    }
}
