using System;
using System.Buffers;
using System.Collections.Generic;
using System.Xml;

namespace EsxSdk.Xml.Reader
{
    /// <summary>Names, attributes (their values stay in the input until asked for) and navigation between them.</summary>
    internal sealed partial class Utf8XmlReader
    {
        /// <summary>What ends a plain attribute value's scan: markup, references, white space to normalize.</summary>
        private static readonly SearchValues<char> AttributeValueStops = SearchValues.Create("<&\t\n\r");

        /// <summary>Up to this many attributes, duplicates are found by comparing every pair.</summary>
        private const int MaxAttributesComparedPairwise = 16;

        /// <summary>Slots of the cache of recent names (a power of two).</summary>
        private const int NameCacheSlots = 1024;

        /// <summary>Recently parsed names, so a repeated name costs a comparison, not a NameTable lookup per part.</summary>
        private readonly XmlName[] nameCache = new XmlName[NameCacheSlots];

        private Attribute[] attributes = new Attribute[8];
        private int attributeCount;
        private int currentAttribute = -1;
        private bool onAttributeValue;

        public override int AttributeCount => this.nodeType is XmlNodeType.Element or XmlNodeType.XmlDeclaration ? this.attributeCount : 0;

        public override string GetAttribute(int i)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(i);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, this.AttributeCount);
            return this.AttributeValue(i);
        }

        public override string? GetAttribute(string name)
        {
            int i = this.IndexOfAttribute(name);
            return i < 0 ? null : this.AttributeValue(i);
        }

        public override string? GetAttribute(string name, string? namespaceURI)
        {
            int i = this.IndexOfAttribute(name, namespaceURI ?? string.Empty);
            return i < 0 ? null : this.AttributeValue(i);
        }

        public override void MoveToAttribute(int i)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(i);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, this.AttributeCount);
            this.MoveTo(i);
        }

        public override bool MoveToAttribute(string name) => this.MoveTo(this.IndexOfAttribute(name));

        public override bool MoveToAttribute(string name, string? ns) => this.MoveTo(this.IndexOfAttribute(name, ns ?? string.Empty));

        public override bool MoveToFirstAttribute() => this.MoveTo(this.AttributeCount > 0 ? 0 : -1);

        public override bool MoveToNextAttribute()
            => this.MoveTo(this.currentAttribute + 1 < this.AttributeCount ? this.currentAttribute + 1 : -1);

        public override bool MoveToElement()
        {
            if (this.currentAttribute < 0)
            {
                return false;
            }

            this.currentAttribute = -1;
            this.onAttributeValue = false;
            this.valueRead = 0;
            return true;
        }

        public override bool ReadAttributeValue()
        {
            if (this.currentAttribute < 0 || this.onAttributeValue)
            {
                return false;
            }

            this.onAttributeValue = true;
            return true;
        }

        private bool MoveTo(int i)
        {
            if (i < 0)
            {
                return false;
            }

            this.currentAttribute = i;
            this.onAttributeValue = false;
            this.valueRead = 0;
            return true;
        }

        private int IndexOfAttribute(string qualifiedName)
        {
            for (int i = 0; i < this.AttributeCount; i++)
            {
                if (this.attributes[i].Name.QualifiedName == qualifiedName)
                {
                    return i;
                }
            }

            return -1;
        }

        private int IndexOfAttribute(string localName, string namespaceUri)
        {
            for (int i = 0; i < this.AttributeCount; i++)
            {
                if (this.attributes[i].Name.LocalName == localName && this.attributes[i].NamespaceUri == namespaceUri)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The value of attribute <paramref name="i"/>: references expanded, white space normalized (made once, then kept).</summary>
        private string AttributeValue(int i)
        {
            ref Attribute attribute = ref this.attributes[i];
            return attribute.Value ??= new string(this.chars, attribute.ValueStart, attribute.ValueLength);
        }

        /// <summary>
        /// Parses one attribute at <paramref name="i"/> (its name) inside a tag that ends before <paramref name="limit"/>; with
        /// <paramref name="open"/> the limit is the end of the decoded input and false means the tag needs more of it.
        /// </summary>
        private bool TryParseAttribute(ref int i, int limit, bool open, string elementName)
        {
            int nameStart = i;
            if (!this.TryParseName(ref i, limit, open, out XmlName name))
            {
                return false;
            }

            i = this.SkipSpace(i, limit);
            if (i >= limit)
            {
                return open ? false : throw this.ErrorAt(i, "Attribute '" + name.QualifiedName + "' of '" + elementName + "' has no '=' and value");
            }

            if (this.chars[i] != '=')
            {
                throw this.ErrorAt(i, "Attribute '" + name.QualifiedName + "' of '" + elementName + "' has no '=' and value");
            }

            i = this.SkipSpace(i + 1, limit);
            if (i >= limit && open)
            {
                return false;
            }

            char quote = i < limit ? this.chars[i] : '\0';
            if (quote is not ('"' or '\''))
            {
                throw this.ErrorAt(i, "The value of attribute '" + name.QualifiedName + "' of '" + elementName + "' is not quoted");
            }

            int valueStart = i + 1;
            ReadOnlySpan<char> rest = this.chars.AsSpan(valueStart, limit - valueStart);
            int valueLength = rest.IndexOf(quote);
            if (valueLength < 0)
            {
                // A '<' cannot be in a value: the quote is missing, and the scan for it stops here, not at the document's end.
                int markup = rest.IndexOf('<');
                if (markup < 0 && open)
                {
                    return false;
                }

                throw markup >= 0
                    ? this.ErrorAt(valueStart + markup, "'<', hexadecimal value 0x3C, is an invalid attribute character")
                    : this.ErrorAt(valueStart - 1, "The value of attribute '" + name.QualifiedName + "' of '" + elementName + "' does not end");
            }

            int valueEnd = valueStart + valueLength;
            string? value = null;
            if (rest[..valueLength].ContainsAny(AttributeValueStops))
            {
                value = this.DecodeAttributeValue(valueStart, valueEnd);
            }

            i = valueEnd + 1;
            if (this.attributeCount == this.attributes.Length)
            {
                Array.Resize(ref this.attributes, this.attributeCount * 2);
            }

            this.attributes[this.attributeCount++] = new Attribute(name, nameStart, valueStart, valueLength, value);
            if (this.nodeType != XmlNodeType.Element)
            {
                return true; // the XML declaration's pseudo-attributes declare nothing
            }

            if (name.Prefix == this.xmlnsPrefix)
            {
                this.DeclareNamespace(name.LocalName, value is null ? this.names.Add(this.chars, valueStart, valueLength) : this.names.Add(value), nameStart);
            }
            else if (name.Prefix.Length == 0 && name.LocalName == this.xmlnsPrefix)
            {
                string uri = value is null ? this.names.Add(this.chars, valueStart, valueLength) : this.names.Add(value);
                if (uri == this.xmlNamespace || uri == this.xmlnsNamespace)
                {
                    throw this.ErrorAt(nameStart, "The namespace '" + uri + "' cannot be the default namespace");
                }

                this.DeclareNamespace(string.Empty, uri, nameStart);
            }

            return true;
        }

        /// <summary>Gives every attribute its namespace (declarations may follow the attributes they bind) and refuses duplicates.</summary>
        private void ResolveAttributes()
        {
            // Names are atomized, so pairs compare by reference; a hostile tag with thousands of attributes is checked through a set.
            HashSet<(string, string)>? seen = this.attributeCount > MaxAttributesComparedPairwise ? new(this.attributeCount) : null;
            for (int a = 0; a < this.attributeCount; a++)
            {
                ref Attribute attribute = ref this.attributes[a];
                attribute.NamespaceUri = attribute.Name.Prefix == this.xmlnsPrefix || (attribute.Name.Prefix.Length == 0 && attribute.Name.LocalName == this.xmlnsPrefix)
                    ? this.xmlnsNamespace
                    : attribute.Name.Prefix.Length == 0 ? string.Empty : this.ResolvePrefix(attribute.Name.Prefix, attribute.NameStart);
                bool duplicate = false;
                if (seen is not null)
                {
                    duplicate = !seen.Add((attribute.Name.LocalName, attribute.NamespaceUri));
                }
                else
                {
                    for (int b = 0; b < a && !duplicate; b++)
                    {
                        duplicate = (object)this.attributes[b].Name.LocalName == attribute.Name.LocalName && (object)this.attributes[b].NamespaceUri == attribute.NamespaceUri;
                    }
                }

                if (duplicate)
                {
                    throw this.ErrorAt(attribute.NameStart, "'" + attribute.Name.QualifiedName + "' is a duplicate attribute name");
                }
            }
        }

        /// <summary>
        /// An element, attribute or target name at <paramref name="i"/> (moved past it), atomized, checked as an XML namespace
        /// name (one colon at most, not first or last). With <paramref name="open"/>, <paramref name="limit"/> is the end of the
        /// decoded input and false means the name may go on past it.
        /// </summary>
        private bool TryParseName(ref int i, int limit, bool open, out XmlName name)
        {
            name = default;
            int start = i;
            if (i >= limit)
            {
                return open ? false : throw this.ErrorAt(i, "A name was expected");
            }

            if (!IsNameStartChar(this.chars[i]))
            {
                throw this.ErrorAt(i, "Name cannot begin with the " + Show(this.chars[i]) + " character");
            }

            int colon = -1;
            i++;
            while (true)
            {
                // ASCII name characters in one vectorized step; a colon or a non-ASCII character is looked at, then on.
                int stop = this.chars.AsSpan(i, limit - i).IndexOfAnyExcept(AsciiNameCharValues);
                i = stop < 0 ? limit : i + stop;
                if (i >= limit)
                {
                    break;
                }

                char c = this.chars[i];
                if (c == ':' && colon < 0)
                {
                    colon = i;
                }
                else if (c < 128 || !IsNonAsciiNameChar(c))
                {
                    break;
                }

                i++;
            }

            if (i >= limit && open)
            {
                return false;
            }

            if (colon >= 0 && (colon == i - 1 || !IsNameStartChar(this.chars[colon + 1])))
            {
                throw this.ErrorAt(colon, "The name '" + this.chars.AsSpan(start, i - start).ToString() + "' is not a valid qualified name");
            }

            name = this.Atomize(start, i - start, colon < 0 ? -1 : colon - start);
            return true;
        }

        /// <summary>The atomized name <c>chars[start..start + length]</c> (prefix before <paramref name="colon"/>), from the cache when it was seen recently.</summary>
        private XmlName Atomize(int start, int length, int colon)
        {
            ReadOnlySpan<char> text = this.chars.AsSpan(start, length);
            int slot = ((length * 31) + (text[0] * 7) + (text[length / 2] * 13) + text[^1]) & (NameCacheSlots - 1);
            ref XmlName cached = ref this.nameCache[slot];
            if (cached.QualifiedName is { } known && text.SequenceEqual(known))
            {
                return cached;
            }

            string qualifiedName = this.names.Add(this.chars, start, length);
            cached = colon < 0
                ? new XmlName(qualifiedName, string.Empty, qualifiedName)
                : new XmlName(qualifiedName, this.names.Add(this.chars, start, colon), this.names.Add(this.chars, start + colon + 1, length - colon - 1));
            return cached;
        }

        private int SkipSpace(int i, int limit)
        {
            while (i < limit && IsXmlSpace(this.chars[i]))
            {
                i++;
            }

            return i;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsXmlSpace(char c) => c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r');

        private static bool IsNameStartChar(char c) => c < 128 ? char.IsAsciiLetter(c) || c == '_' : XmlConvert.IsStartNCNameChar(c) || char.IsHighSurrogate(c);

        private static bool IsNonAsciiNameChar(char c) => XmlConvert.IsNCNameChar(c) || char.IsSurrogate(c);

        private static readonly SearchValues<char> AsciiNameCharValues = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._");

        /// <summary>An element's or attribute's name: qualified, prefix and local, each atomized in the reader's NameTable.</summary>
        private readonly record struct XmlName(string QualifiedName, string Prefix, string LocalName);

        private static readonly XmlName NoName = new(string.Empty, string.Empty, string.Empty);

        /// <summary>One attribute of the current tag; the value is read from the input when first asked for, unless it had to be decoded.</summary>
        private struct Attribute(XmlName name, int nameStart, int valueStart, int valueLength, string? value)
        {
            public readonly XmlName Name = name;
            public readonly int NameStart = nameStart;
            public readonly int ValueStart = valueStart;
            public readonly int ValueLength = valueLength;
            public string NamespaceUri = string.Empty;
            public string? Value = value;
        }
    }
}
