using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using EsxSdk.Benchmarks.Clients;
using EsxSdk.Vim25;
using EsxSdk.Xml;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// <c>profile [vms] [rounds]</c>: where EsxSdk's decode of a captured RetrievePropertiesEx response spends its time
    /// and allocations (bench/notes.md, "Decode profile"). Runs interleaved passes over the same bytes — the EsxSdk
    /// decode, the two floors and passes that add one of the decoder's per-element costs to the bare Read() pass — and
    /// reports median time and allocated bytes per pass; then samples the decode's allocations by type (the runtime's
    /// GCAllocationTick events, about one per 100 KB) and splits its allocations into the graph it returns and garbage.
    /// Meant to run under <c>perf record</c> too (DOTNET_PerfMapEnabled=1): <c>profile 1000 200 decode</c> loops only
    /// the decode.
    /// </summary>
    public static class DecodeProfile
    {
        private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        private static readonly XmlReaderSettings Settings = VimXmlSerializer.CreateReaderSettings();

        public static void Run(string[] args)
        {
            int vms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
            int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
            byte[] payload = File.ReadAllBytes(Artifacts.PayloadPath(vms));
            if (args.Length > 2 && args[2] == "decode")
            {
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < rounds; i++)
                {
                    GC.KeepAlive(Decode(payload));
                }

                Console.WriteLine($"{rounds} decodes of {vms} VMs: {sw.Elapsed.TotalMilliseconds / rounds:F2} ms each");
                return;
            }

            Census(payload);

            var passes = new (string Name, Func<byte[], object> Pass)[]
            {
                ("Read() floor", p => ReadFloor(p)),
                ("Read() + text floor", p => TextFloor(p)),
                ("Read() + text by ReadValueChunk until it returns 0, + ToString", p => TextChunks(p, shortChunkEndsValue: false)),
                ("Read() + text by ReadValueChunk, a short chunk ending the value, + ToString", p => TextChunks(p, shortChunkEndsValue: true)),
                ("Read() + LocalName of every element", p => LocalNames(p)),
                ("Read() + GetAttribute(xsi:type) only", p => XsiGetAttribute(p)),
                ("Read() + xsi:type as VimXmlReader.XsiType read it before issue 14", p => XsiTypeAsBefore(p)),
                ("Read() + text, numbers/booleans/dates parsed from the string", p => TextParsed(p)),
                ("EsxSdk decode", p => Decode(p)),
                ("EsxSdk decode, every string copied (switch EsxSdk.Xml.CopyEveryString)", p => DecodeCopyingStrings(p)),
                ("EsxSdk decode, CreateObject from a dictionary (prototype)", p => Decode(p, DictionaryRegistry.Instance)),
            };
            var times = passes.ToDictionary(p => p.Name, _ => new List<double>());
            var bytes = passes.ToDictionary(p => p.Name, _ => 0L);
            for (int round = -2; round < rounds; round++)
            {
                foreach ((string name, Func<byte[], object> pass) in passes)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    var sw = Stopwatch.StartNew();
                    GC.KeepAlive(pass(payload));
                    sw.Stop();
                    if (round >= 0)
                    {
                        times[name].Add(sw.Elapsed.TotalMilliseconds);
                        bytes[name] = GC.GetAllocatedBytesForCurrentThread() - before;
                    }
                }
            }

            Console.WriteLine($"| Pass ({vms} VMs, {payload.Length:N0} bytes, median of {rounds}) | Time | Allocated |");
            Console.WriteLine("|---|---|---|");
            foreach ((string name, _) in passes)
            {
                Console.WriteLine($"| {name} | {ResultFiles.Median(times[name]):F2} ms | {bytes[name] / 1e6:F2} MB |");
            }

            // What the decode keeps (the graph) and what it throws away.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long heap = GC.GetTotalMemory(true);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            RetrieveResult kept = Decode(payload);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            long retained = GC.GetTotalMemory(true) - heap;
            GC.KeepAlive(kept);
            DictionaryRegistry.Instance.Calls = 0;
            GC.KeepAlive(Decode(payload, DictionaryRegistry.Instance));
            Console.WriteLine($"decode: {DictionaryRegistry.Instance.Calls:N0} CreateObject calls, {DictionaryRegistry.Instance.ValueCalls:N0} TryReadValue calls");
            Console.WriteLine($"decode: allocated {allocated / 1e6:F2} MB, retained (the graph) {retained / 1e6:F2} MB, garbage {(allocated - retained) / 1e6:F2} MB");
            heap = GC.GetTotalMemory(true);
            allocated = GC.GetAllocatedBytesForCurrentThread();
            RetrieveResult copied = DecodeCopyingStrings(payload);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            retained = GC.GetTotalMemory(true) - heap;
            GC.KeepAlive(copied);
            Console.WriteLine($"decode, every string copied: allocated {allocated / 1e6:F2} MB, retained (the graph) {retained / 1e6:F2} MB");

            // Allocations by type, sampled.
            using var listener = new AllocationListener();
            for (int i = 0; i < Math.Max(5, rounds / 2); i++)
            {
                GC.KeepAlive(Decode(payload));
            }

            listener.Dispose();
            long total = listener.ByType.Values.Sum();
            Console.WriteLine("| Type (sampled allocations of the decode) | Share |");
            Console.WriteLine("|---|---|");
            foreach (var (type, amount) in listener.ByType.OrderByDescending(kv => kv.Value).Take(25))
            {
                Console.WriteLine($"| {type} | {100.0 * amount / total:F1} % |");
            }
        }

        public static RetrieveResult Decode(byte[] payload) => Decode(payload, VimTypeRegistry.Instance);

        /// <summary>The decode as before repeated strings were shared: each string value a string of its own.</summary>
        public static RetrieveResult DecodeCopyingStrings(byte[] payload) => WithEveryStringCopied(() => Decode(payload));

        /// <summary>Runs <paramref name="decode"/> with the runtime's AppContext switch <c>EsxSdk.Xml.CopyEveryString</c> on.</summary>
        public static T WithEveryStringCopied<T>(Func<T> decode)
        {
            AppContext.SetSwitch("EsxSdk.Xml.CopyEveryString", true);
            try
            {
                return decode();
            }
            finally
            {
                AppContext.SetSwitch("EsxSdk.Xml.CopyEveryString", false);
            }
        }

        public static RetrieveResult Decode(byte[] payload, IVimTypeRegistry registry)
        {
            // The reader the transport uses (EsxSdk's own for UTF-8).
            using XmlReader reader = VimXmlSerializer.CreateReader(new MemoryStream(payload));
            SoapEnvelope.MoveToBodyContent(reader);
            var vim = new VimXmlReader(reader, registry);
            RetrieveResult? result = null;
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

        /// <summary>Counts what the decoder meets: elements, xsi:types, text nodes, runs of repeated siblings (ReadArray's lists).</summary>
        private static void Census(byte[] payload)
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), Settings);
            long numericTexts = 0, numericBytes = 0, longRuns = 0, longRunItems = 0, longRunListBytes = 0;
            long elements = 0, xsiTypes = 0, xsiAnyType = 0, texts = 0, textChars = 0, runs = 0, runItems = 0, listBytes = 0;
            var xsiValues = new Dictionary<string, int>();
            var lastSibling = new Stack<(string Name, int Count)>();
            lastSibling.Push((string.Empty, 0));
            void CloseRun((string Name, int Count) run)
            {
                if (run.Count > 1)
                {
                    longRuns++;
                    longRunItems += run.Count;
                    longRunListBytes += ListBytes(run.Count);
                }

                if (run.Count > 0)
                {
                    runs++;
                    runItems += run.Count;
                    listBytes += ListBytes(run.Count);
                }
            }

            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        elements++;
                        var (name, count) = lastSibling.Pop();
                        if (name == reader.LocalName)
                        {
                            lastSibling.Push((name, count + 1));
                        }
                        else
                        {
                            CloseRun((name, count));
                            lastSibling.Push((reader.LocalName, 1));
                        }

                        if (reader.GetAttribute("type", Xsi) is { } type)
                        {
                            xsiTypes++;
                            xsiValues[type] = xsiValues.GetValueOrDefault(type) + 1;
                            if (type.StartsWith("xsd:", StringComparison.Ordinal) || type.StartsWith("ArrayOf", StringComparison.Ordinal) || reader.LocalName is "val" or "value")
                            {
                                xsiAnyType++;
                            }
                        }

                        if (!reader.IsEmptyElement)
                        {
                            lastSibling.Push((string.Empty, 0));
                        }

                        break;
                    case XmlNodeType.EndElement:
                        CloseRun(lastSibling.Pop());
                        break;
                    case XmlNodeType.Text:
                        texts++;
                        string text = reader.Value;
                        textChars += text.Length;
                        if (text is "true" or "false" || (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-') && (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) || (text.Length >= 19 && text[4] == '-' && text[10] == 'T'))))
                        {
                            numericTexts++;
                            numericBytes += (22 + (2L * text.Length) + 7) & ~7L;
                        }
                        break;
                }
            }

            Console.WriteLine($"census: {elements:N0} elements, {xsiTypes:N0} with xsi:type ({xsiAnyType:N0} on val/value or xsd:/ArrayOf types, {xsiValues.Count} distinct values), {texts:N0} text nodes ({textChars:N0} chars)");
            Console.WriteLine($"census: {runs:N0} runs of same-named siblings ({runItems:N0} items, incl. runs of 1); a List per run costs about {listBytes / 1e6:F2} MB before ToArray");
            Console.WriteLine($"census: {numericTexts:N0} texts that parse as numbers/booleans/dateTimes ({numericBytes / 1e6:F2} MB as intermediate strings); {longRuns:N0} runs of 2+ same-named siblings ({longRunItems:N0} items), their Lists {longRunListBytes / 1e6:F2} MB");
            Console.WriteLine("census: top xsi:type values: " + string.Join(", ", xsiValues.OrderByDescending(kv => kv.Value).Take(8).Select(kv => kv.Key + " " + kv.Value)));
        }

        private static int ReadFloor(byte[] payload)
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), Settings);
            int nodes = 0;
            while (reader.Read())
            {
                nodes++;
            }

            return nodes;
        }

        internal static long TextFloor(byte[] payload)
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), Settings);
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

        /// <summary>
        /// The text floor through ReadValueChunk: until it returns 0 (as VimXmlReader read values before it skipped the closing
        /// call), or with a chunk two or more short ending the value (as it reads XmlReader.Create's reader now).
        /// </summary>
        private static long TextChunks(byte[] payload, bool shortChunkEndsValue)
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), Settings);
            long characters = 0;
            char[] buffer = new char[256];
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int length = 0;
                    while (true)
                    {
                        if (buffer.Length - length < 2)
                        {
                            Array.Resize(ref buffer, buffer.Length * 2);
                        }

                        int space = buffer.Length - length;
                        int read = reader.ReadValueChunk(buffer, length, space);
                        length += read;
                        if (read == 0 || (shortChunkEndsValue && read < space - 1))
                        {
                            break;
                        }
                    }

                    characters += new string(buffer, 0, length).Length;
                }
            }

            return characters;
        }

        /// <summary>The switch on LocalName: a length + character switch then a string compare per element (what a generated ReadXmlElementCore does).</summary>
        private static long LocalNames(byte[] payload)
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), Settings);
            long hits = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    hits += reader.LocalName switch
                    {
                        "obj" or "propSet" or "name" or "val" or "config" or "runtime" or "summary" or "guest" or "hardware" or "device" or "key" or "value" => 1,
                        "changeVersion" or "modified" or "uuid" or "instanceUuid" or "guestId" or "guestFullName" or "version" or "files" or "tools" or "flags" => 2,
                        _ => 0,
                    };
                }
            }

            return hits;
        }

        private static long XsiGetAttribute(byte[] payload)
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), Settings);
            long found = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.GetAttribute("type", Xsi) is { } value)
                {
                    found += value.Length;
                }
            }

            return found;
        }

        /// <summary>VimXmlReader.XsiType as it was before issue 14's reader work: GetAttribute, Trim, two substrings, LookupNamespace.</summary>
        private static long XsiTypeAsBefore(byte[] payload)
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), Settings);
            long found = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    string? value = reader.GetAttribute("type", Xsi);
                    if (value is null)
                    {
                        continue;
                    }

                    value = value.Trim();
                    int colon = value.IndexOf(':');
                    string prefix = colon < 0 ? string.Empty : value[..colon];
                    string local = colon < 0 ? value : value[(colon + 1)..];
                    string? ns = reader.LookupNamespace(prefix);
                    found += local.Length + (ns?.Length ?? 0);
                }
            }

            return found;
        }

        /// <summary>Text floor plus a parse of every text that looks like a number, boolean or dateTime (the intermediate string is the floor's).</summary>
        private static long TextParsed(byte[] payload)
        {
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), Settings);
            long sum = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Text)
                {
                    string text = reader.Value;
                    if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-'))
                    {
                        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
                        {
                            sum += n;
                        }
                        else if (text.Length >= 19 && text[4] == '-' && text[10] == 'T')
                        {
                            sum += XmlConvert.ToDateTimeOffset(text).Second;
                        }
                    }
                    else if (text is "true" or "false")
                    {
                        sum += XmlConvert.ToBoolean(text) ? 1 : 0;
                    }
                }
            }

            return sum;
        }

        /// <summary>Prototype: the generated registry with CreateObject from a dictionary of factories instead of its bucketed switches (no faster: bench/notes.md).</summary>
        private sealed class DictionaryRegistry : IVimTypeRegistry
        {
            public static readonly DictionaryRegistry Instance = new();

            private readonly Dictionary<string, Func<IVimXmlSerializable>> factories = new(StringComparer.Ordinal);

            private DictionaryRegistry()
            {
                foreach (Type type in typeof(VimTypeRegistry).Assembly.GetTypes())
                {
                    if (type.IsClass && !type.IsAbstract && typeof(IVimXmlSerializable).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
                    {
                        var factory = System.Linq.Expressions.Expression.Lambda<Func<IVimXmlSerializable>>(System.Linq.Expressions.Expression.New(type)).Compile();
                        string name = factory().XmlTypeName;
                        if (VimTypeRegistry.Instance.CreateObject(name)?.GetType() == type)
                        {
                            this.factories[name] = factory;
                        }
                    }
                }
            }

            public long Calls { get; set; }

            public long ValueCalls { get; set; }

            public string Namespace => VimTypeRegistry.Instance.Namespace;

            public IVimXmlSerializable? CreateObject(string typeName)
            {
                this.Calls++;
                return this.factories.TryGetValue(typeName, out var factory) ? factory() : null;
            }

            public bool TryReadValue(string typeName, VimXmlReader reader, out object? value)
            {
                this.ValueCalls++;
                return VimTypeRegistry.Instance.TryReadValue(typeName, reader, out value);
            }

            public bool TryWriteValue(VimXmlWriter writer, string elementName, object value) => VimTypeRegistry.Instance.TryWriteValue(writer, elementName, value);

            public string? FaultTypeOfElement(string elementName) => VimTypeRegistry.Instance.FaultTypeOfElement(elementName);
        }

        /// <summary>GCAllocationTick (runtime GC keyword, verbose): type name and the bytes since the last tick.</summary>
        private sealed class AllocationListener : EventListener
        {
            public Dictionary<string, long> ByType { get; } = new();

            protected override void OnEventSourceCreated(EventSource source)
            {
                if (source.Name == "Microsoft-Windows-DotNETRuntime")
                {
                    this.EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
                }
            }

            protected override void OnEventWritten(EventWrittenEventArgs e)
            {
                if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
                {
                    return;
                }

                int typeIndex = e.PayloadNames.IndexOf("TypeName"), amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
                if (typeIndex < 0 || amountIndex < 0 || e.Payload is null)
                {
                    return;
                }

                string type = e.Payload[typeIndex] as string ?? "?";
                long amount = Convert.ToInt64(e.Payload[amountIndex], CultureInfo.InvariantCulture);
                lock (this.ByType)
                {
                    this.ByType[type] = this.ByType.GetValueOrDefault(type) + amount;
                }
            }
        }

        /// <summary>What a List&lt;T&gt; of references grown to <paramref name="count"/> allocates: the object (32 B) and its growth arrays 4, 8, 16, ... (24 B + 8 per slot).</summary>
        private static long ListBytes(int count)
        {
            long bytes = 32;
            for (int capacity = 4; ; capacity *= 2)
            {
                bytes += 24 + (8L * capacity);
                if (capacity >= count)
                {
                    return bytes;
                }
            }
        }
    }
}
