using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Xml;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// <c>decode-ab [vms] [rounds] [dirA] [dirB] [collect|steady]</c>: two builds of EsxSdk.dll (each folder holds one) decode
    /// the same captured RetrievePropertiesEx response in one process, in separate AssemblyLoadContexts, interleaved
    /// (the order alternating per round). Reports each build's median and the per-round ratio B/A. This is the measure
    /// for a change to the decoder or the binding: on this host separate processes running the same code differ by up
    /// to 1.5x, one process's two loads of the same build by under 1 %. <c>collect</c> (default) runs a full collection
    /// before each decode, <c>steady</c> lets the young generation carry over as in a loop of calls.
    /// </summary>
    public static class DecodeAb
    {
        private const string SoapNamespace = "http://schemas.xmlsoap.org/soap/envelope/";

        public static void Run(string[] args)
        {
            if (args.Length < 4)
            {
                throw new ArgumentException("usage: decode-ab vms rounds dirA dirB [collect|steady]");
            }

            int vms = int.Parse(args[0], CultureInfo.InvariantCulture);
            int rounds = int.Parse(args[1], CultureInfo.InvariantCulture);
            bool collect = args.Length < 5 || args[4] != "steady";
            byte[] payload = File.ReadAllBytes(Artifacts.PayloadPath(vms));
            var builds = new[] { Load("A", args[2]), Load("B", args[3]) };
            var times = builds.ToDictionary(b => b.Name, _ => new List<double>());
            var ratios = new List<double>();
            const int warmUpRounds = 5;
            for (int round = -warmUpRounds; round < rounds; round++)
            {
                var took = new Dictionary<string, double>();
                foreach ((string name, Func<byte[], object> decode) in round % 2 == 0 ? builds : Enumerable.Reverse(builds))
                {
                    if (collect)
                    {
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                        GC.Collect();
                    }

                    var stopwatch = Stopwatch.StartNew();
                    GC.KeepAlive(decode(payload));
                    took[name] = stopwatch.Elapsed.TotalMilliseconds;
                }

                if (round >= 0)
                {
                    times["A"].Add(took["A"]);
                    times["B"].Add(took["B"]);
                    ratios.Add(took["B"] / took["A"]);
                }
            }

            Console.WriteLine($"decode of {vms} VMs ({payload.Length:N0} bytes), {rounds} rounds, {(collect ? "a full collection before each decode" : "steady")}");
            Console.WriteLine($"A {args[2]}: median {ResultFiles.Median(times["A"]):F2} ms");
            Console.WriteLine($"B {args[3]}: median {ResultFiles.Median(times["B"]):F2} ms");
            Console.WriteLine($"B/A per round: median {ResultFiles.Median(ratios):F3}, B faster in {ratios.Count(r => r < 1)} of {ratios.Count}");
        }

        /// <summary>The folder's EsxSdk.dll in a context of its own; its dependencies (WCF, the framework) shared.</summary>
        private static (string Name, Func<byte[], object> Decode) Load(string name, string folder)
        {
            string path = Path.Combine(Path.GetFullPath(folder), "EsxSdk.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("No EsxSdk.dll in " + folder, path);
            }

            var context = new AssemblyLoadContext("EsxSdk " + name + " " + folder);
            Assembly esxSdk = context.LoadFromAssemblyPath(path);
            Type serializer = esxSdk.GetType("EsxSdk.Xml.VimXmlSerializer", throwOnError: true)!;
            Type resultType = esxSdk.GetType("EsxSdk.Vim25.RetrieveResult", throwOnError: true)!;
            Type registryType = esxSdk.GetType("EsxSdk.Vim25.VimTypeRegistry", throwOnError: true)!;
            object registry = registryType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            MethodInfo createReader = serializer.GetMethod("CreateReader", [typeof(Stream), typeof(long)])!;
            MethodInfo deserialize = serializer.GetMethods()
                .Single(m => m.Name == "Deserialize" && m.GetParameters() is [{ ParameterType.Name: nameof(XmlReader) }, _])
                .MakeGenericMethod(resultType);
            object maxCharacters = createReader.GetParameters()[1].DefaultValue!;
            return (name, payload =>
            {
                using var reader = (XmlReader)createReader.Invoke(null, [new MemoryStream(payload), maxCharacters])!;
                MoveToReturnval(reader);
                return deserialize.Invoke(null, [reader, registry])!;
            });
        }

        /// <summary>Envelope, Body, RetrievePropertiesExResponse, returnval: the element the transport decodes.</summary>
        private static void MoveToReturnval(XmlReader reader)
        {
            reader.MoveToContent();
            if (!reader.ReadToDescendant("Body", SoapNamespace) || !reader.ReadToDescendant("returnval"))
            {
                throw new InvalidDataException("The payload has no soap Body with a returnval");
            }
        }
    }
}
