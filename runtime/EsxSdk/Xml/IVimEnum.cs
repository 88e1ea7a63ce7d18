using System.ComponentModel;

namespace EsxSdk.Xml
{
    /// <summary>A generated vim25 enumeration value, boxed or not: its wire text and type name.</summary>
    public interface IVimEnum
    {
        /// <summary>The wire text of the value.</summary>
        string Value { get; }

        /// <summary>The wire name of the enumeration type (for <c>xsi:type</c> of anyType values).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        string XmlTypeName { get; }
    }

    /// <summary>A generated vim25 enumeration that can be created from wire text.</summary>
    /// <typeparam name="TSelf">The enumeration type itself.</typeparam>
    public interface IVimEnum<TSelf> : IVimEnum
        where TSelf : struct, IVimEnum<TSelf>
    {
        /// <summary>The value for a wire text, known to the WSDL or not.</summary>
        static abstract TSelf FromWire(string value);
    }
}
