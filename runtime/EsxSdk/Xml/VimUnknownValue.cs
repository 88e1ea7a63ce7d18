namespace EsxSdk.Xml
{
    /// <summary>
    /// An <c>xsd:anyType</c> value whose <c>xsi:type</c> this binding does not know (e.g. from a newer
    /// server): kept as its type name and raw content so nothing is lost and it can be written back.
    /// </summary>
    /// <param name="TypeNamespace">The namespace of the <c>xsi:type</c>, or empty when there was none.</param>
    /// <param name="TypeName">The local name of the <c>xsi:type</c>, or empty when there was none.</param>
    /// <param name="InnerXml">The element's content as XML text.</param>
    public sealed record VimUnknownValue(string TypeNamespace, string TypeName, string InnerXml);
}
