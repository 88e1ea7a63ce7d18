using System;
using System.IO;
using System.Xml;
using System.Xml.Serialization;
using BenchmarkDotNet.Attributes;
using EsxSdk.Benchmarks.Clients;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Twin = EsxSdk.Benchmarks.XmlSerializerBinding;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Measure 1: one captured RetrievePropertiesEx response read from the same bytes, with the same reader settings,
    /// by: XmlSerializer on the twins (the baseline), XmlSerializer on wsdl.exe's model of the same WSDL (the
    /// cross-check), XmlSerializer as a WCF proxy builds it for the whole contract (for reference), EsxSdk (with its own
    /// reader, as the transport; and over System.Xml's, for reference), and two floors over System.Xml's reader: a bare
    /// <c>Read()</c> pass and <c>Read()</c> plus every text node as a string (plus the latter over EsxSdk's reader).
    /// </summary>
    /// <remarks>
    /// Every XmlSerializer here is built once per process, outside the measured calls, as a proxy does after its
    /// first call. The baseline and the cross-check serialize the response element with the types it reaches (its
    /// members and their [XmlInclude]s, i.e. every data type); the whole-contract one adds every operation's messages
    /// and every type, which makes XmlSerializer resolve each anyType value's xsi:type through a far longer chain
    /// (bench/notes.md), so it is not the baseline: it is what a WCF/svcutil proxy pays.
    /// </remarks>
    [Config(typeof(ProcessPerCaseConfig))]
    public class DeserializeBenchmarks
    {
        private static readonly XmlReaderSettings Settings = VimXmlSerializer.CreateReaderSettings();

        // The XmlSerializer(Type) constructor caches its serializer per type; a field keeps that visible.
        private static readonly Lazy<XmlSerializer> TwinResponse = new(() => new XmlSerializer(typeof(Twin.RetrievePropertiesExResponse)));

        private byte[] payload = [];

        [ParamsSource(nameof(VmCounts))]
        public int Vms { get; set; }

        /// <summary>100, 1,000 and 5,000; ESXSDK_BENCH_VMS=1000 (comma-separated) measures only those, for trials.</summary>
        public static int[] VmCounts => Environment.GetEnvironmentVariable("ESXSDK_BENCH_VMS") is { Length: > 0 } only
            ? Array.ConvertAll(only.Split(','), v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
            : [100, 1000, 5000];

        [GlobalSetup]
        public void Setup()
        {
            this.payload = File.ReadAllBytes(Artifacts.PayloadPath(this.Vms));

            // Every reader must really read every VM and every value, or the comparison means nothing.
            var ours = GraphCensus.Count(this.EsxSdk());
            Check("EsxSdk", this.EsxSdk().Objects.Length, ours, ours);
            Check("XmlSerializer", this.XmlSerializer().Returnval.Objects.Length, GraphCensus.Count(this.XmlSerializer().Returnval), ours);
            Check("XmlSerializer (wsdl.exe model)", this.XmlSerializerWsdlExe()!.objects.Length, GraphCensus.Count(this.XmlSerializerWsdlExe()), ours);
            Check("EsxSdk on System.Xml's reader", this.EsxSdkOnSystemXmlReader().Objects.Length, GraphCensus.Count(this.EsxSdkOnSystemXmlReader()), ours);
            Check("EsxSdk, every string copied", this.EsxSdkEveryStringCopied().Objects.Length, GraphCensus.Count(this.EsxSdkEveryStringCopied()), ours);
            Check("XmlSerializer (whole contract)", this.XmlSerializerWholeContract().Returnval.Objects.Length, GraphCensus.Count(this.XmlSerializerWholeContract().Returnval), ours);
        }

        [Benchmark(Baseline = true)]
        public Twin.RetrievePropertiesExResponse XmlSerializer()
        {
            using XmlReader reader = this.OpenBody();
            return (Twin.RetrievePropertiesExResponse)TwinResponse.Value.Deserialize(reader)!;
        }

        [Benchmark]
        public WsdlExeBinding.RetrieveResult? XmlSerializerWsdlExe()
        {
            using XmlReader reader = this.OpenBody();
            return WsdlExeBinding.WsdlExeResponses.ReadRetrievePropertiesEx(reader);
        }

        [Benchmark]
        public Twin.RetrievePropertiesExResponse XmlSerializerWholeContract()
        {
            using XmlReader reader = this.OpenBody();
            return (Twin.RetrievePropertiesExResponse)Contract.Shared.Responses[typeof(Twin.RetrievePropertiesExResponse)].Deserialize(reader)!;
        }

        /// <summary>EsxSdk as the transport reads a response: <see cref="VimXmlSerializer.CreateReader"/> (its own UTF-8 reader).</summary>
        [Benchmark]
        public Vim25.RetrieveResult EsxSdk() => this.DecodeWith(this.OpenBody(VimXmlSerializer.CreateReader(new MemoryStream(this.payload))));

        /// <summary>The same decode over System.Xml's reader (XmlReader.Create, EsxSdk's settings): what EsxSdk's reader contributes.</summary>
        [Benchmark]
        public Vim25.RetrieveResult EsxSdkOnSystemXmlReader() => this.DecodeWith(this.OpenBody(XmlReader.Create(new MemoryStream(this.payload), Settings)));

        private Vim25.RetrieveResult DecodeWith(XmlReader body)
        {
            using XmlReader reader = body;
            var vim = new VimXmlReader(reader, VimTypeRegistry.Instance);
            Vim25.RetrieveResult? result = null;
            // What the transport's generated RetrievePropertiesExResponse.ReadXml does: the one returnval.
            vim.ReadElements(vim, (_, r) =>
            {
                if (r.LocalName != "returnval")
                {
                    return false;
                }

                result = r.ReadObject<Vim25.RetrieveResult>("RetrieveResult");
                return true;
            });
            return result ?? throw new InvalidDataException("No returnval");
        }

        /// <summary>
        /// EsxSdk as before it shared repeated short strings (the AppContext switch <c>EsxSdk.Xml.CopyEveryString</c>): what
        /// the sharing contributes, as vcsim's VMs repeat more values than a real inventory's do (bench/notes.md).
        /// </summary>
        [Benchmark]
        public Vim25.RetrieveResult EsxSdkEveryStringCopied() => DecodeProfile.WithEveryStringCopied(this.EsxSdk);

        /// <summary>The floor of any reader: every node visited, nothing materialized.</summary>
        [Benchmark]
        public int XmlReaderFloor()
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(this.payload), Settings);
            int nodes = 0;
            while (reader.Read())
            {
                nodes++;
            }

            return nodes;
        }

        /// <summary>The floor of a decoder: every node visited and every text node made a string, as any decoder must.</summary>
        [Benchmark]
        public long XmlReaderTextFloor()
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(this.payload), Settings);
            long characters = 0;
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    characters += reader.Value.Length;
                }
            }

            return characters;
        }

        /// <summary>The text floor read by EsxSdk's reader, for reference (the floor the targets use is System.Xml's, above).</summary>
        [Benchmark]
        public long EsxSdkReaderTextFloor()
        {
            using XmlReader reader = VimXmlSerializer.CreateReader(new MemoryStream(this.payload));
            long characters = 0;
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    characters += reader.Value.Length;
                }
            }

            return characters;
        }

        private void Check(string reader, int objects, (long Objects, long Values) census, (long Objects, long Values) ours)
        {
            Console.WriteLine($"// {this.Vms} VMs, {reader}: {objects} object contents, {census.Objects:N0} objects, {census.Values:N0} values");
            if (objects != this.Vms || census != ours)
            {
                throw new InvalidDataException($"{reader} read {objects} of {this.Vms} VMs and {census} (objects, values); EsxSdk read {ours}");
            }
        }

        /// <summary>System.Xml's reader on the response element (the XmlSerializer rows and the floors read with it).</summary>
        private XmlReader OpenBody() => this.OpenBody(XmlReader.Create(new MemoryStream(this.payload), Settings));

        private XmlReader OpenBody(XmlReader reader)
        {
            SoapEnvelope.MoveToBodyContent(reader);
            return reader;
        }
    }

    /// <summary>The XmlSerializer contract, built once per process (its cost is measured by the cold start measure).</summary>
    public static class Contract
    {
        private static readonly Lazy<XmlSerializerContract> Instance = new(() => XmlSerializerContract.Build());

        public static XmlSerializerContract Shared => Instance.Value;
    }
}
