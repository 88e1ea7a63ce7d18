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
    /// Measure 1: one captured RetrievePropertiesEx response read three ways from the same bytes, with the same
    /// reader settings: XmlSerializer (the baseline), EsxSdk's generated readers, and a bare XmlReader pass (the floor).
    /// </summary>
    [Config(typeof(BenchConfig))]
    public class DeserializeBenchmarks
    {
        private static readonly XmlReaderSettings Settings = VimXmlSerializer.CreateReaderSettings();

        private byte[] payload = [];
        private XmlSerializer serializer = null!;

        [Params(100, 1000, 5000)]
        public int Vms { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            this.payload = File.ReadAllBytes(Artifacts.PayloadPath(this.Vms));
            this.serializer = Contract.Shared.Responses[typeof(Twin.RetrievePropertiesExResponse)];

            // Both readers must really read every VM, or the comparison means nothing.
            int twins = this.XmlSerializer().Returnval.Objects.Length;
            int ours = this.EsxSdk().Objects.Length;
            if (twins != this.Vms || ours != this.Vms)
            {
                throw new InvalidDataException($"Expected {this.Vms} objects; XmlSerializer read {twins}, EsxSdk {ours}");
            }
        }

        [Benchmark(Baseline = true)]
        public Twin.RetrievePropertiesExResponse XmlSerializer()
        {
            using XmlReader reader = this.OpenBody();
            return (Twin.RetrievePropertiesExResponse)this.serializer.Deserialize(reader)!;
        }

        [Benchmark]
        public RetrieveResult EsxSdk()
        {
            using XmlReader reader = this.OpenBody();
            var vim = new VimXmlReader(reader, VimTypeRegistry.Instance);
            RetrieveResult? result = null;
            // What the transport's generated RetrievePropertiesExResponse.ReadXml does: the one returnval.
            vim.ReadElements(vim, (_, r) =>
            {
                if (r.LocalName != "returnval")
                {
                    return false;
                }

                result = r.ReadObject<RetrieveResult>("RetrieveResult");
                return true;
            });
            return result ?? throw new InvalidDataException("No returnval");
        }

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

        private XmlReader OpenBody()
        {
            XmlReader reader = XmlReader.Create(new MemoryStream(this.payload), Settings);
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
