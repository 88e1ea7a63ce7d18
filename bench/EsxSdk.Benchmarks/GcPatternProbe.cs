using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Xml;
using System.Xml.Serialization;
using EsxSdk.Benchmarks.Clients;
using EsxSdk.Xml;
using Twin = EsxSdk.Benchmarks.XmlSerializerBinding;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// <c>gcpattern [vms] [esxsdk|esxsdk-copy|xmlserializer|textfloor] [forced|steady] [calls] [retained MB]</c>: BenchmarkDotNet's iteration
    /// pattern by hand, to see what the memory between iterations costs a decode (bench/notes.md, "Decode at 1,000 VMs"):
    /// 2 warm-up and 7 measured iterations of <c>calls</c> decodes, each iteration after BenchmarkDotNet's forced
    /// collections (<c>forced</c>) or straight after the last (<c>steady</c>), with <c>retained MB</c> of small objects
    /// kept alive throughout (BenchmarkDotNet's decode processes hold every XmlSerializer of the suite). Per iteration:
    /// time per call, the GC's pauses per call, collections, and the process's minor page faults per call
    /// (/proc/self/stat): memory the GC gave back to the OS faults in again when it is next used.
    /// </summary>
    public static class GcPatternProbe
    {
        public static void Run(string[] args)
        {
            int vms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
            string decoder = args.Length > 1 ? args[1] : "esxsdk";
            bool forced = args.Length <= 2 || args[2] != "steady";
            int calls = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8;
            int retainedMb = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
            byte[] payload = File.ReadAllBytes(Artifacts.PayloadPath(vms));
            Func<object> decode = Decoder(decoder, payload);

            // Small objects, as a serializer's caches are: the GC marks them in every full collection.
            var retained = new List<byte[]>(retainedMb * 16);
            for (int i = 0; i < retainedMb * 16; i++)
            {
                retained.Add(new byte[64 * 1024 - 64]);
            }

            var first = Stopwatch.StartNew();
            GC.KeepAlive(decode());
            Console.WriteLine($"{vms} VMs, {decoder}, {(forced ? "forced collections between iterations" : "no forced collections")}, {calls} calls per iteration, {retainedMb} MB retained; first call {first.Elapsed.TotalMilliseconds:F1} ms");
            for (int iteration = -2; iteration < 7; iteration++)
            {
                if (forced)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                }

                long committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
                long faults = MinorFaults();
                TimeSpan paused = GC.GetTotalPauseDuration();
                var clock = Stopwatch.StartNew();
                for (int call = 0; call < calls; call++)
                {
                    GC.KeepAlive(decode());
                }

                double ms = clock.Elapsed.TotalMilliseconds / calls;
                long faulted = (MinorFaults() - faults) / calls;
                double pausedMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / calls;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(iteration < 0 ? "warm-up" : "measured"),-8} {ms,7:F1} ms/call  GC pauses {pausedMs,6:F1} ms/call  GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}  minor faults {faulted,7:N0}/call  committed at start {committed / 1e6:F0} MB"));
            }

            GC.KeepAlive(retained);
        }

        private static Func<object> Decoder(string name, byte[] payload)
        {
            XmlReaderSettings settings = VimXmlSerializer.CreateReaderSettings();
            switch (name)
            {
                case "esxsdk":
                    return () => DecodeProfile.Decode(payload);
                case "esxsdk-copy":
                    return () => DecodeProfile.DecodeCopyingStrings(payload);
                case "xmlserializer":
                    var serializer = new XmlSerializer(typeof(Twin.RetrievePropertiesExResponse));
                    return () =>
                    {
                        using XmlReader reader = XmlReader.Create(new MemoryStream(payload), settings);
                        SoapEnvelope.MoveToBodyContent(reader);
                        return serializer.Deserialize(reader)!;
                    };
                case "textfloor":
                    return () => DecodeProfile.TextFloor(payload);
                default:
                    throw new ArgumentException("decoder: esxsdk, esxsdk-copy, xmlserializer or textfloor, not " + name);
            }
        }

        /// <summary>Minor page faults of this process so far (field 10 of /proc/self/stat); 0 where there is no procfs.</summary>
        private static long MinorFaults()
        {
            if (!File.Exists("/proc/self/stat"))
            {
                return 0;
            }

            string stat = File.ReadAllText("/proc/self/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], CultureInfo.InvariantCulture); // field 10 counted from the pid
        }
    }
}
