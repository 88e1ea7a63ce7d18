using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// <c>peak [MB]</c>: peak managed memory of one large RetrievePropertiesEx call through VimClient, from a loopback
    /// server, buffered (the old transport, AppContext switch EsxSdk.Transport.BufferResponses) and streamed, in one
    /// process. Peak = the largest GC heap seen during the call above the heap before it: the heap just before each
    /// collection (the sum of the generations' SizeBeforeBytes of every GC the sampler sees) and GC.GetTotalMemory
    /// sampled every millisecond. The decoded graph = GC.GetTotalMemory(true) after the call minus before, holding the result.
    /// Also a 50 MB text value and a 1,000,000-element array: allocated bytes and peak against the final size.
    /// </summary>
    public static class PeakMemoryMeasure
    {
        private const string Switch = "EsxSdk.Transport.BufferResponses";

        public static async Task RunAsync(string[] args)
        {
            int megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
            string captured = File.ReadAllText(Path.Combine(Artifacts.RepoRoot, "tests", "data", "vcsim", "RetrievePropertiesEx-vm-all.xml"));
            string serviceContent = File.ReadAllText(Path.Combine(Artifacts.RepoRoot, "tests", "data", "vcsim", "RetrieveServiceContent.xml"));
            var cases = new (string Name, byte[] Body)[]
            {
                ($"{megabytes} MB of VMs", ManyVms(captured, megabytes * 1_000_000L)),
                ("a 50 MB text value", OneValue(captured, "<val xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xsd:string\">" + new string('a', 50_000_000) + "</val>")),
                ("a 1,000,000-element array", OneValue(captured, ArrayOfString(1_000_000))),
            };

            Console.WriteLine($"| Response | Bytes | Transport | Peak above start | Decoded graph | Peak / graph | Allocated | GCs (gen0/1/2) | Time |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach ((string name, byte[] body) in cases)
            {
                foreach (bool buffered in new[] { true, false })
                {
                    AppContext.SetSwitch(Switch, buffered);
                    Result r = await MeasureAsync(body, Encoding.UTF8.GetBytes(serviceContent));
                    Console.WriteLine($"| {name} | {body.Length / 1e6:F1} MB | {(buffered ? "buffered" : "streamed")} | {r.Peak / 1048576.0:F0} MiB | {r.Graph / 1048576.0:F0} MiB | {(double)r.Peak / r.Graph:F2} | {r.Allocated / 1048576.0:F0} MiB | {r.Collections} | {r.Elapsed.TotalSeconds:F1} s |");
                }
            }
        }

        private static async Task<Result> MeasureAsync(byte[] body, byte[] serviceContent)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            using var stop = new CancellationTokenSource();
            Task serving = ServeAsync(listener, serviceContent, body, stop.Token);
            string url = "http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/sdk";
            await using VimClient client = await VimClient.ConnectAsync(url, null, new VimClientOptions { MaxResponseBytes = 1L << 30, Timeout = TimeSpan.FromMinutes(10) });
            ManagedObjectReference collector = client.ServiceContent.PropertyCollector!;
            PropertyFilterSpec[] spec = [new PropertyFilterSpec { ObjectSet = [new ObjectSpec { Obj = new ManagedObjectReference("VirtualMachine", "vm-57") }], PropSet = [new PropertySpec { Type = "VirtualMachine", All = true }] }];
            GC.KeepAlive(await client.Service.CurrentTimeAsync(new ManagedObjectReference("ServiceInstance", "ServiceInstance"))); // warm the path

            long start = GC.GetTotalMemory(true);
            long allocated = GC.GetTotalAllocatedBytes(true);
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            using var sampler = new HeapSampler();
            var clock = Stopwatch.StartNew();
            RetrieveResult? result = await client.Service.RetrievePropertiesExAsync(collector, spec, new RetrieveOptions());
            clock.Stop();
            long peak = sampler.Stop();
            allocated = GC.GetTotalAllocatedBytes(true) - allocated;
            string counted = $"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}";
            long graph = GC.GetTotalMemory(true) - start;
            GC.KeepAlive(result);
            await stop.CancelAsync();
            listener.Stop();
            await serving.ContinueWith(_ => { }, System.Threading.Tasks.TaskScheduler.Default);
            return new Result(Math.Max(peak, graph + start) - start, graph, allocated, counted, clock.Elapsed);
        }

        /// <summary>Answers RetrieveServiceContent, CurrentTime and then the body, one connection each (Connection: close).</summary>
        private static async Task ServeAsync(TcpListener listener, byte[] serviceContent, byte[] body, CancellationToken token)
        {
            byte[] currentTime = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(Artifacts.RepoRoot, "tests", "data", "vcsim", "CurrentTime.xml")));
            foreach (byte[] answer in new[] { serviceContent, currentTime, body })
            {
                using TcpClient client = await listener.AcceptTcpClientAsync(token);
                using NetworkStream stream = client.GetStream();
                await ReadRequestAsync(stream, token);
                byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: " + answer.Length.ToString(CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, token);
                await stream.WriteAsync(answer, token);
            }
        }

        private static async Task ReadRequestAsync(NetworkStream stream, CancellationToken token)
        {
            var head = new StringBuilder();
            byte[] one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, token) == 1)
            {
                head.Append((char)one[0]);
            }

            string length = head.ToString().Split("\r\n")[1..].Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))[15..].Trim();
            byte[] request = new byte[int.Parse(length, CultureInfo.InvariantCulture)];
            await stream.ReadExactlyAsync(request, token);
        }

        private static byte[] ManyVms(string captured, long size)
        {
            (string prefix, string one, string suffix) = Split(captured);
            var xml = new StringBuilder((int)Math.Min(int.MaxValue / 2, size + one.Length));
            xml.Append(prefix);
            for (int i = 0; xml.Length < size; i++)
            {
                xml.Append(one.Replace(">vm-57<", ">vm-" + i.ToString(CultureInfo.InvariantCulture) + "<", StringComparison.Ordinal));
            }

            return Encoding.UTF8.GetBytes(xml.Append(suffix).ToString());
        }

        private static byte[] OneValue(string captured, string val)
        {
            (string prefix, _, string suffix) = Split(captured);
            return Encoding.UTF8.GetBytes(prefix + "<objects><obj type=\"VirtualMachine\">vm-1</obj><propSet><name>config.annotation</name>" + val + "</propSet></objects>" + suffix);
        }

        private static string ArrayOfString(int count)
        {
            var xml = new StringBuilder("<val xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"ArrayOfString\">");
            for (int i = 0; i < count; i++)
            {
                xml.Append("<string>s").Append(i % 1000).Append("</string>");
            }

            return xml.Append("</val>").ToString();
        }

        private static (string Prefix, string One, string Suffix) Split(string captured)
        {
            int start = captured.IndexOf("<objects>", StringComparison.Ordinal);
            int end = captured.LastIndexOf("</objects>", StringComparison.Ordinal) + "</objects>".Length;
            return (captured[..start], captured[start..end], captured[end..]);
        }

        private sealed record Result(long Peak, long Graph, long Allocated, string Collections, TimeSpan Elapsed);

        /// <summary>The largest GC heap while it runs: before each collection it sees, and sampled between them.</summary>
        private sealed class HeapSampler : IDisposable
        {
            private readonly Thread thread;
            private volatile bool stopping;
            private long peak;

            public HeapSampler()
            {
                this.thread = new Thread(this.Sample) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
                this.thread.Start();
            }

            public long Stop()
            {
                this.stopping = true;
                this.thread.Join();
                return this.peak;
            }

            public void Dispose()
            {
                if (!this.stopping)
                {
                    this.Stop();
                }
            }

            private void Sample()
            {
                // Only collections after the start count: the last one before it saw the garbage of building the payloads.
                var kinds = new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background };
                long[] seen = Array.ConvertAll(kinds, kind => GC.GetGCMemoryInfo(kind).Index);
                while (!this.stopping)
                {
                    this.peak = Math.Max(this.peak, GC.GetTotalMemory(false));
                    for (int k = 0; k < kinds.Length; k++)
                    {
                        GCMemoryInfo info = GC.GetGCMemoryInfo(kinds[k]);
                        if (info.Index > seen[k])
                        {
                            seen[k] = info.Index;
                            long before = 0;
                            foreach (GCGenerationInfo generation in info.GenerationInfo)
                            {
                                before += generation.SizeBeforeBytes - generation.FragmentationBeforeBytes;
                            }

                            this.peak = Math.Max(this.peak, before);
                        }
                    }

                    Thread.Sleep(1);
                }
            }
        }
    }
}
