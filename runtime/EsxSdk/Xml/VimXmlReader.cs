using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;

namespace EsxSdk.Xml
{
    /// <summary>
    /// Reads vim25 XML for the generated types: primitives, enumerations, objects resolved by
    /// <c>xsi:type</c> namespace URI (never by prefix), anyType values and repeated elements.
    /// Unknown elements are skipped; nesting deeper than <see cref="MaxDepth"/> is refused.
    /// </summary>
    public sealed partial class VimXmlReader
    {
        /// <summary>The default nesting limit; real vim25 documents stay far below it.</summary>
        public const int DefaultMaxDepth = 128;

        private const int MaxRecordedSkips = 32;

        /// <summary>Slots of the recent xsi:type values (a power of two).</summary>
        private const int RecentTypeNameSlots = 32;

        private readonly XmlReader reader;
        private readonly IXmlLineInfo? lineInfo;

        /// <summary>The reader when it is EsxSdk's own (<see cref="Reader.Utf8XmlReader"/>), else null.</summary>
        private readonly Reader.Utf8XmlReader? fastReader;
        private readonly List<string> skippedElements = new();

        private readonly RecentTypeName[] recentTypeNames = new RecentTypeName[RecentTypeNameSlots];

        /// <summary>Wraps an <see cref="XmlReader"/> (create it with <see cref="VimXmlSerializer.CreateReaderSettings"/>).</summary>
        public VimXmlReader(XmlReader reader, IVimTypeRegistry registry, int maxDepth = DefaultMaxDepth)
        {
            ArgumentNullException.ThrowIfNull(reader);
            ArgumentNullException.ThrowIfNull(registry);
            ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
            this.reader = reader;
            this.lineInfo = reader as IXmlLineInfo;
            this.fastReader = reader as Reader.Utf8XmlReader;
            this.shortChunkEndsValue = this.fastReader is not null || reader.GetType().FullName == PlainTextReaderTypeName;
            this.canReadValueChunk = reader.CanReadValueChunk;
            this.Registry = registry;
            this.MaxDepth = maxDepth;
        }

        /// <summary>The binding whose types this reader creates.</summary>
        public IVimTypeRegistry Registry { get; }

        /// <summary>The deepest element nesting accepted.</summary>
        public int MaxDepth { get; }

        /// <summary>The underlying reader, for callers that walk an envelope around the vim25 content.</summary>
        public XmlReader XmlReader => this.reader;

        /// <summary>How many elements the binding did not know and skipped (e.g. members a newer server added).</summary>
        public int SkippedElementCount { get; private set; }

        /// <summary>The first skipped elements, as "Type.element" (at most 32): shows what a newer server sent that this binding lacks.</summary>
        public IReadOnlyList<string> SkippedElements => this.skippedElements;

        /// <summary>The local name of the current element.</summary>
        public string LocalName => this.fastReader is { } utf8 ? utf8.CurrentLocalName : this.reader.LocalName;

        /// <summary>An attribute of the current element without namespace, or null; equal values share one string (e.g. a reference's type).</summary>
        public string? GetAttribute(string name)
        {
            int length = this.ReadAttributeText(name, string.Empty);
            return length < 0 ? null : this.Atomize(this.textBuffer.AsSpan(0, length));
        }

        /// <summary>
        /// Reads the child elements of the current element, handing each to <paramref name="readElement"/>;
        /// children it does not consume (returns false) are skipped.
        /// </summary>
        public void ReadElements<T>(T target, Func<T, VimXmlReader, bool> readElement)
        {
            this.CheckDepth();
            if (this.reader.IsEmptyElement)
            {
                this.reader.Read();
                return;
            }

            this.reader.Read();
            while (true)
            {
                switch (this.reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (!readElement(target, this))
                        {
                            this.RecordSkip(target);
                            this.SkipElement();
                        }

                        break;
                    case XmlNodeType.EndElement:
                        this.reader.Read();
                        return;
                    case XmlNodeType.None:
                        throw this.Error("The XML ended inside an element");
                    default:
                        // Whitespace, comments and stray text between child elements carry nothing for the schema (switching on
                        // NodeType, not MoveToContent: that asks for it again and again, per child).
                        this.reader.Read();
                        break;
                }
            }
        }

        /// <summary>Reads an object of the declared type, or of the subtype its <c>xsi:type</c> names.</summary>
        public T ReadObject<T>(string declaredTypeName)
            where T : class, IVimXmlSerializable
        {
            T? value = null;
            if (this.XsiType() is { } xsiType && xsiType.Namespace == this.Registry.Namespace && this.Registry.CreateObject(xsiType.Name) is { } created)
            {
                // A type the binding knows that is not the declared one or a subtype: reading it as the declared type would drop its members silently.
                value = created as T ?? throw this.Error("The xsi:type '" + xsiType.Name + "' of element '" + this.reader.LocalName + "' is not '" + declaredTypeName + "' or a subtype of it");
            }

            // An xsi:type this binding does not know (a newer server's type) reads as the declared type.
            value ??= this.Registry.CreateObject(declaredTypeName) as T
                ?? throw this.Error("The binding has no type '" + declaredTypeName + "' for element '" + this.reader.LocalName + "'");
            value.ReadXml(this);
            return value;
        }

        /// <summary>Reads an enumeration value, known to the WSDL or not.</summary>
        public T ReadEnum<T>()
            where T : struct, IVimEnum<T>
            => T.FromWire(this.Atomize(this.ReadText().Chars));

        /// <summary>
        /// Reads an <c>xsd:anyType</c> value by its <c>xsi:type</c>: a boxed primitive, an enumeration,
        /// an array for ArrayOfX, a data object, or a <see cref="VimUnknownValue"/>.
        /// </summary>
        public object ReadAny()
        {
            (string Namespace, string Name)? type = this.XsiType();
            if (type is { } known)
            {
                if (known.Namespace == VimXmlNamespaces.XmlSchema && this.TryReadPrimitive(known.Name, out object? primitive) && primitive is not null)
                {
                    return primitive;
                }

                if (known.Namespace == this.Registry.Namespace)
                {
                    if (this.Registry.TryReadValue(known.Name, this, out object? value) && value is not null)
                    {
                        return value;
                    }

                    if (this.Registry.CreateObject(known.Name) is { } created)
                    {
                        created.ReadXml(this);
                        return created;
                    }
                }
            }

            return new VimUnknownValue(type?.Namespace ?? string.Empty, type?.Name ?? string.Empty, this.reader.ReadInnerXml());
        }

        /// <summary>
        /// Reads a run of sibling elements with the current element's name (a maxOccurs="unbounded"
        /// member), appended to what <paramref name="existing"/> already holds.
        /// </summary>
        public T[] ReadArray<T>(T[] existing, Func<VimXmlReader, T> readItem)
        {
            string name = this.LocalName;
            string ns = this.reader.NamespaceURI;
            T first = readItem(this);
            if (!this.AtSibling(name, ns))
            {
                // Most runs hold one item: no scratch buffer for them.
                return existing is null || existing.Length == 0 ? [first] : [.. existing, first];
            }

            // Not a using declaration: that would make the builder read-only and Add would fill a copy.
            var items = new ArrayBuilder<T>(first);
            try
            {
                do
                {
                    items.Add(readItem(this));
                }
                while (this.AtSibling(name, ns));

                // The same member again after other elements: keep both runs, in document order.
                return items.ToArray(existing);
            }
            finally
            {
                items.Dispose();
            }
        }

        /// <summary>Reads the items of an ArrayOfX value (the current element's children named <paramref name="itemName"/>).</summary>
        public T[] ReadArrayValue<T>(string itemName, Func<VimXmlReader, T> readItem)
        {
            this.CheckDepth();
            if (this.reader.IsEmptyElement)
            {
                this.reader.Read();
                return [];
            }

            var items = new ArrayBuilder<T>();
            try
            {
                this.reader.Read();
                while (true)
                {
                    switch (this.reader.NodeType)
                    {
                        case XmlNodeType.Element:
                            if (this.LocalName == itemName)
                            {
                                items.Add(readItem(this));
                            }
                            else
                            {
                                this.SkipElement();
                            }

                            break;
                        case XmlNodeType.EndElement:
                            this.reader.Read();
                            return items.ToArray(null);
                        case XmlNodeType.None:
                            throw this.Error("The XML ended inside an element");
                        default:
                            this.reader.Read();
                            break;
                    }
                }
            }
            finally
            {
                items.Dispose();
            }
        }

        private bool AtSibling(string name, string ns)
            => this.reader.MoveToContent() == XmlNodeType.Element && this.LocalName == name && this.reader.NamespaceURI == ns;

        /// <summary>The current element's <c>xsi:type</c>, resolved by namespace URI, or null; no string is made for a name seen before.</summary>
        private (string Namespace, string Name)? XsiType()
        {
            int length = this.ReadAttributeText("type", VimXmlNamespaces.XmlSchemaInstance);
            if (length < 0)
            {
                return null;
            }

            ReadOnlySpan<char> qualified = TrimXmlSpace(this.textBuffer.AsSpan(0, length));
            (string prefix, string local) = this.SplitTypeName(qualified);

            // An unbound prefix cannot name a known type: the value reads as the declared type. The prefix is looked up every
            // time: the same text may mean another namespace in another element.
            string? ns = this.fastReader is { } utf8 ? utf8.LookupNamespace(prefix) : this.reader.LookupNamespace(prefix);
            return ns is null ? (string.Empty, local) : (ns, local);
        }

        /// <summary>
        /// Prefix and local name of an xsi:type value. A response repeats a few type names thousands of times: the last split
        /// of each of <see cref="RecentTypeNameSlots"/> slots is kept and reused when the text is the same.
        /// </summary>
        private (string Prefix, string Local) SplitTypeName(ReadOnlySpan<char> qualified)
        {
            int slot = qualified.IsEmpty ? 0 : (qualified.Length + qualified[^1]) & (RecentTypeNameSlots - 1);
            ref RecentTypeName recent = ref this.recentTypeNames[slot];
            if (recent.Text is { } text && qualified.SequenceEqual(text))
            {
                return (recent.Prefix, recent.Local);
            }

            int colon = qualified.IndexOf(':');
            string prefix = colon < 0 ? string.Empty : this.Atomize(qualified[..colon]);
            string local = this.Atomize(qualified[(colon + 1)..]);
            recent = new RecentTypeName(colon < 0 ? local : this.Atomize(qualified), prefix, local);
            return (prefix, local);
        }

        private void RecordSkip<T>(T target)
        {
            this.SkippedElementCount++;
            if (this.skippedElements.Count < MaxRecordedSkips)
            {
                string owner = target is IVimXmlSerializable data ? data.XmlTypeName : typeof(T).Name;
                this.skippedElements.Add(owner + "." + this.reader.LocalName);
            }
        }

        /// <summary>Skips the current element and its content, with the nesting limit applied inside it too.</summary>
        private void SkipElement()
        {
            int depth = this.reader.Depth;
            if (this.reader.IsEmptyElement)
            {
                this.reader.Read();
                return;
            }

            while (this.reader.Read())
            {
                if (this.reader.Depth <= depth)
                {
                    this.reader.Read(); // past the skipped element's end tag
                    return;
                }

                if (this.reader.NodeType == XmlNodeType.Element)
                {
                    this.CheckDepth();
                }
            }

            throw this.Error("The XML ended inside an element");
        }

        private void CheckDepth()
        {
            if (this.reader.Depth > this.MaxDepth)
            {
                throw this.Error("The XML nests elements deeper than " + this.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels at element '" + this.reader.LocalName + "'");
            }
        }

        private VimXmlException Error(string message, Exception? inner = null)
            => new(message, this.lineInfo?.LineNumber ?? 0, this.lineInfo?.LinePosition ?? 0, inner);

        /// <summary>An xsi:type value as written and its split into atomized prefix and local name.</summary>
        private readonly record struct RecentTypeName(string Text, string Prefix, string Local);
    }
}
