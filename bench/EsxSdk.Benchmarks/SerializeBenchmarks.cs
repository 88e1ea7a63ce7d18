using System;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Serialization;
using BenchmarkDotNet.Attributes;
using EsxSdk.Benchmarks.Clients;
using EsxSdk.Xml;

namespace EsxSdk.Benchmarks
{
    /// <summary>Measure 2: a large request written as its SOAP body element by XmlSerializer (baseline) and by EsxSdk.</summary>
    [Config(typeof(BenchConfig))]
    public class SerializeBenchmarks
    {
        private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };

        private readonly MemoryStream output = new();
        private IVimXmlSerializable request = null!;
        private object twinRequest = null!;
        private XmlSerializer serializer = null!;
        private string element = string.Empty;

        [Params("PropertyFilterSpec", "VmConfigSpec")]
        public string Request { get; set; } = string.Empty;

        [GlobalSetup]
        public void Setup()
        {
            (this.element, this.request, this.twinRequest) = this.Request == "PropertyFilterSpec"
                ? ("RetrievePropertiesEx", (IVimXmlSerializable)LargeRequests.FilterSpec(), (object)LargeRequests.TwinFilterSpec())
                : ("ReconfigVM_Task", LargeRequests.ConfigSpec(), LargeRequests.TwinConfigSpec());
            this.serializer = Contract.Shared.Requests[this.twinRequest.GetType()];

            // Same content on both sides: the two documents must be of about the same size.
            long twins = this.XmlSerializer();
            long ours = this.EsxSdk();
            Console.WriteLine($"// {this.Request}: XmlSerializer wrote {twins:N0} bytes, EsxSdk {ours:N0} bytes");
            if (Math.Abs(twins - ours) > twins / 10)
            {
                throw new InvalidDataException($"The two requests differ too much in size: XmlSerializer {twins}, EsxSdk {ours}");
            }
        }

        [Benchmark(Baseline = true)]
        public long XmlSerializer()
        {
            this.output.SetLength(0);
            using (XmlWriter writer = XmlWriter.Create(this.output, Settings))
            {
                this.serializer.Serialize(writer, this.twinRequest);
            }

            return this.output.Length;
        }

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
    }
}
