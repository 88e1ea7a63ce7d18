using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EsxSdk.Benchmarks
{
    /// <summary>Section 1 of docs/benchmarks.md: decoding RetrievePropertiesEx against XmlSerializer and the two XmlReader floors.</summary>
    public static partial class Report
    {
        private static void Deserialize(StringBuilder md)
        {
            List<BdnCase> cases = ResultFiles.Bdn(nameof(DeserializeBenchmarks));
            using JsonDocument? manifest = ResultFiles.Json(Path.Combine("payloads", "manifest.json"));
            md.AppendLine("## 1. Deserialize RetrievePropertiesEx (config, runtime, summary, guest of every VM)").AppendLine();
            md.AppendLine("The same captured response bytes, read with the same XmlReader settings from the SOAP body's response element. "
                + "*XmlSerializer* (the baseline) is the twins' response type with `new XmlSerializer(typeof(RetrievePropertiesExResponse))`, built once: the fastest configuration we found that reads every value. "
                + "*wsdl.exe model* is the cross-check: the same WSDL turned into classes by Mono's wsdl.exe, read through the response's members mapping as a wsdl.exe proxy reads it, built once. "
                + "*WCF whole contract* is the twins' serializer as a WCF/svcutil proxy builds it (one `XmlSerializer.FromMappings` over every operation's messages and every type): for reference, not the baseline. "
                + "*EsxSdk* shares repeated short string values (the shipped behaviour); *EsxSdk, every string copied* is the same decode with the AppContext switch `EsxSdk.Xml.CopyEveryString` on, for reference: vcsim's VMs are copies of one another and repeat more values than a real inventory's. "
                + "The floors: a bare `XmlReader.Read()` pass, and `Read()` plus every text node read as a string (what any decoder must at least do). "
                + "*EsxSdk* reads with its own UTF-8 reader, as the transport does (`VimXmlSerializer.CreateReader`: the same refusals as EsxSdk's System.Xml settings); *EsxSdk on System.Xml's reader* is the same decode over `XmlReader.Create`, and *EsxSdk reader: Read() + text* the text floor over EsxSdk's reader, both for reference. The floors the targets use are System.Xml's. "
                + "Before timing, every reader's object graph is checked to hold the same number of objects and values as EsxSdk's. MB/s = payload bytes / median time (MB = 10^6 bytes).").AppendLine();
            md.AppendLine("| VMs | Payload | XmlSerializer (baseline) | wsdl.exe model | WCF whole contract | EsxSdk | EsxSdk on System.Xml's reader | EsxSdk, every string copied | Read() floor | Read() + text floor | EsxSdk reader: Read() + text |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
            var rows = new List<(int Vms, long Bytes, BdnCase Xs, BdnCase? Wsdl, BdnCase? Wcf, BdnCase Ours, BdnCase? Copied, BdnCase Floor, BdnCase Text)>();
            foreach (int vms in Capture.VmCounts)
            {
                string p = "Vms=" + vms.ToString(Inv);
                BdnCase? xs = ResultFiles.Find(cases, "XmlSerializer", p), ours = ResultFiles.Find(cases, "EsxSdk", p);
                BdnCase? floor = ResultFiles.Find(cases, "XmlReaderFloor", p), text = ResultFiles.Find(cases, "XmlReaderTextFloor", p);
                long bytes = manifest?.RootElement.EnumerateArray().Where(e => e.GetProperty("vms").GetInt32() == vms).Select(e => e.GetProperty("bytes").GetInt64()).FirstOrDefault() ?? 0;
                if (xs is null || ours is null || floor is null || text is null || bytes == 0)
                {
                    md.AppendLine($"| {vms:N0} | (not measured) ||||||||||");
                    continue;
                }

                BdnCase? wsdl = ResultFiles.Find(cases, "XmlSerializerWsdlExe", p), wcf = ResultFiles.Find(cases, "XmlSerializerWholeContract", p);
                BdnCase? copied = ResultFiles.Find(cases, "EsxSdkEveryStringCopied", p);
                BdnCase? onSystemXml = ResultFiles.Find(cases, "EsxSdkOnSystemXmlReader", p), ownText = ResultFiles.Find(cases, "EsxSdkReaderTextFloor", p);
                rows.Add((vms, bytes, xs, wsdl, wcf, ours, copied, floor, text));
                md.AppendLine($"| {vms:N0} | {bytes / 1e6:F1} MB | {Measured(bytes, xs)} | {Measured(bytes, wsdl)} | {Measured(bytes, wcf)} | {Measured(bytes, ours)} | {Measured(bytes, onSystemXml)} | {Measured(bytes, copied)} | {Measured(bytes, floor)} | {Measured(bytes, text)} | {Measured(bytes, ownText)} |");
            }

            md.AppendLine();
            md.AppendLine("| VMs | EsxSdk speed-up vs XmlSerializer (baseline) | ... vs wsdl.exe model | ... vs WCF whole contract | EsxSdk % of text floor | EsxSdk % of Read() floor | Alloc/VM XmlSerializer | Alloc/VM EsxSdk | Alloc ratio EsxSdk/XmlSerializer | Gen0 / Gen1 per 1,000 decodes, XmlSerializer | ... EsxSdk | Every string copied: speed-up vs XmlSerializer / % of text floor / alloc ratio |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in rows)
            {
                double speedUp = r.Xs.MedianNs / r.Ours.MedianNs, ofText = r.Text.MedianNs / r.Ours.MedianNs, ofFloor = r.Floor.MedianNs / r.Ours.MedianNs;
                double alloc = (double)r.Ours.AllocatedBytes / r.Xs.AllocatedBytes;
                md.AppendLine($"| {r.Vms:N0} | **{speedUp:F2}x** | {SpeedUp(r.Wsdl, r.Ours)} | {SpeedUp(r.Wcf, r.Ours)} | **{ofText:P0}** | {ofFloor:P0} | {r.Xs.AllocatedBytes / r.Vms:N0} B | {r.Ours.AllocatedBytes / r.Vms:N0} B | **{alloc:F2}** | {Collections(r.Xs)} | {Collections(r.Ours)} | {CopiedRatios(r.Xs, r.Copied, r.Text)} |");
                Targets.Add(($"Deserialize {r.Vms:N0} VMs: at least 3x faster than XmlSerializer", $"{speedUp:F2}x", speedUp >= 3));
                Targets.Add(($"Deserialize {r.Vms:N0} VMs: at most half XmlSerializer's allocations", $"{alloc:F2} of XmlSerializer's", alloc <= 0.5));
                Targets.Add(($"Deserialize {r.Vms:N0} VMs: at least 50% of the Read() + text pass", $"{ofText:P0}", ofText >= 0.5));
                Targets.Add(($"Deserialize {r.Vms:N0} VMs: at least 40% of the bare XmlReader pass", $"{ofFloor:P0}", ofFloor >= 0.4));
                bool fewerCollections = r.Ours.Gen0PerThousand <= r.Xs.Gen0PerThousand && r.Ours.Gen1PerThousand <= r.Xs.Gen1PerThousand;
                Targets.Add(($"Deserialize {r.Vms:N0} VMs: gen0 and gen1 collections no more than XmlSerializer's", $"{Collections(r.Ours)} vs {Collections(r.Xs)}", fewerCollections));
            }

            md.AppendLine();
        }

        private static string Measured(long bytes, BdnCase? c) => c is null ? "(not measured)" : $"{Time(c)} ({Mbps(bytes, c)})";

        private static string CopiedRatios(BdnCase xs, BdnCase? copied, BdnCase text) => copied is null
            ? "-"
            : $"{xs.MedianNs / copied.MedianNs:F2}x / {text.MedianNs / copied.MedianNs:P0} / {(double)copied.AllocatedBytes / xs.AllocatedBytes:F2}";

        private static string Collections(BdnCase c) => $"{c.Gen0PerThousand:F1} / {c.Gen1PerThousand:F1}";

        private static string SpeedUp(BdnCase? theirs, BdnCase ours) => theirs is null ? "-" : $"{theirs.MedianNs / ours.MedianNs:F2}x";
    }
}
