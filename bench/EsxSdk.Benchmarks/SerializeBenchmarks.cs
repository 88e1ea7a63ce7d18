using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Serialization;
using BenchmarkDotNet.Attributes;
using EsxSdk.Benchmarks.Clients;
using Twin = EsxSdk.Benchmarks.XmlSerializerBinding;
using EsxSdk.Xml;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Measure 2: a large request written as its SOAP body element by XmlSerializer (baseline), by XmlSerializer as
    /// a WCF proxy builds it for the whole contract (for reference) and by EsxSdk.
    /// </summary>
    /// <remarks>
    /// The baseline is <c>new XmlSerializer(requestType, new XmlRootAttribute(requestElement))</c> for the one
    /// request type, built once per process and cached (that constructor is not cached by the framework): it sees
    /// the types the request reaches (its members and their [XmlInclude]s), as the deserialize baseline does. The
    /// whole-contract serializer (one FromMappings over every operation's messages and every type) writes each
    /// polymorphic value through a type-check chain over the whole contract; it is what a WCF/svcutil proxy pays,
    /// not the baseline. Before timing, the three documents are checked to carry the same elements, xsi:types and
    /// text (<see cref="XmlInfoset"/>), so all three do the same work.
    /// </remarks>
    [Config(typeof(BenchConfig))]
    public class SerializeBenchmarks
    {
        private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };

        // One serializer per request type, built once: the fastest fair configuration.
        private static readonly ConcurrentDictionary<Type, XmlSerializer> RequestAlone = new();

        private readonly MemoryStream output = new();
        private IVimXmlSerializable request = null!;
        private object twinRequest = null!;
        private XmlSerializer serializer = null!;
        private XmlSerializer wholeContract = null!;
        private string element = string.Empty;

        [Params("PropertyFilterSpec", "VmConfigSpec")]
        public string Request { get; set; } = string.Empty;

        [GlobalSetup]
        public void Setup()
        {
            (this.element, this.request, this.twinRequest) = this.Request == "PropertyFilterSpec"
                ? ("RetrievePropertiesEx", (IVimXmlSerializable)LargeRequests.FilterSpec(), (object)LargeRequests.TwinFilterSpec())
                : ("ReconfigVM_Task", LargeRequests.ConfigSpec(), LargeRequests.TwinConfigSpec());
            string element = this.element;
            this.serializer = RequestAlone.GetOrAdd(
                this.twinRequest.GetType(),
                type => new XmlSerializer(type, new XmlRootAttribute(element) { Namespace = Twin.VimXmlSerializerContract.Namespace }));
            this.wholeContract = Contract.Shared.Requests[this.twinRequest.GetType()];

            // Same content on all sides: the same elements, xsi:types and text, and about the same size.
            long twins = this.XmlSerializer();
            string twinsInfoset = XmlInfoset.Of(this.output.ToArray());
            long whole = this.XmlSerializerWholeContract();
            string wholeInfoset = XmlInfoset.Of(this.output.ToArray());
            long ours = this.EsxSdk();
            string oursInfoset = XmlInfoset.Of(this.output.ToArray());
            Console.WriteLine($"// {this.Request}: XmlSerializer wrote {twins:N0} bytes (whole contract {whole:N0}), EsxSdk {ours:N0} bytes");
            XmlInfoset.Check("XmlSerializer", twinsInfoset, oursInfoset);
            XmlInfoset.Check("XmlSerializer (whole contract)", wholeInfoset, oursInfoset);
            if (Math.Abs(twins - ours) > twins / 10)
            {
                throw new InvalidDataException($"The two requests differ too much in size: XmlSerializer {twins}, EsxSdk {ours}");
            }
        }

        [Benchmark(Baseline = true)]
        public long XmlSerializer() => this.Write(this.serializer);

        [Benchmark]
        public long XmlSerializerWholeContract() => this.Write(this.wholeContract);

        [Benchmark]
        public long EsxSdk()
        {
            this.output.SetLength(0);
            using (XmlWriter writer = XmlWriter.Create(this.output, Settings))
            {
                EsxSdkChannelInvoker.WriteRequest(writer, this.element, this.request);
            }

            return this.output.Length;
        }

        private long Write(XmlSerializer with)
        {
            this.output.SetLength(0);
            using (XmlWriter writer = XmlWriter.Create(this.output, Settings))
            {
                with.Serialize(writer, this.twinRequest);
            }

            return this.output.Length;
        }
    }

    /// <summary>
    /// A document's infoset as one line per node — element (namespace + name), resolved xsi:type, other attributes,
    /// text — so that two writers' output can be compared regardless of prefixes and namespace declarations.
    /// </summary>
    internal static class XmlInfoset
    {
        private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        public static string Of(byte[] document)
        {
            var lines = new StringBuilder();
            using XmlReader reader = XmlReader.Create(new MemoryStream(document), new XmlReaderSettings { IgnoreWhitespace = true });
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        lines.Append('<').Append(reader.NamespaceURI).Append(' ').Append(reader.LocalName);
                        var attributes = new List<string>();
                        string? type = reader.GetAttribute("type", Xsi);
                        if (type is not null)
                        {
                            int colon = type.IndexOf(':', StringComparison.Ordinal);
                            string prefix = colon < 0 ? string.Empty : type[..colon];
                            attributes.Add("xsi:type={" + reader.LookupNamespace(prefix) + "}" + type[(colon + 1)..]);
                        }

                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/" && !(reader.NamespaceURI == Xsi && reader.LocalName == "type"))
                                {
                                    attributes.Add("{" + reader.NamespaceURI + "}" + reader.LocalName + "=" + reader.Value);
                                }
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }

                        attributes.Sort(StringComparer.Ordinal);
                        lines.Append(' ').Append(string.Join(' ', attributes)).Append(reader.IsEmptyElement ? "/>" : ">").Append('\n');
                        break;
                    case XmlNodeType.EndElement:
                        lines.Append("</\n");
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        lines.Append(reader.Value).Append('\n');
                        break;
                }
            }

            return lines.ToString();
        }

        public static void Check(string writer, string theirs, string ours)
        {
            if (theirs == ours)
            {
                return;
            }

            string[] a = theirs.Split('\n'), b = ours.Split('\n');
            int line = 0;
            while (line < a.Length && line < b.Length && a[line] == b[line])
            {
                line++;
            }

            throw new InvalidDataException($"{writer} does not write what EsxSdk writes: at node {line}, '{(line < a.Length ? a[line] : "(end)")}' vs EsxSdk's '{(line < b.Length ? b[line] : "(end)")}'");
        }
    }
}
