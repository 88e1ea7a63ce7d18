using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// <c>unique-values [vms] [text|all] [out folder]</c>: a captured payload with its repeated values made distinct, for
    /// measuring what sharing repeated strings costs when nothing repeats (bench/notes.md, "Repeated strings shared").
    /// vcsim's VMs are copies of one another; a real inventory repeats fewer values. Every text node that ends at its end tag
    /// gets a suffix numbered through the document (<c>text</c>: only values that are not a single identifier, so enumeration
    /// values stay known; <c>all</c>: every value but numbers, booleans and dates). The result goes to
    /// <c>[out folder]/payloads/vms-N.xml</c>: point ESXSDK_BENCH_ARTIFACTS at the folder for <c>profile</c> or <c>gcpattern</c>.
    /// </summary>
    public static partial class UniqueValuesPayload
    {
        public static void Run(string[] args)
        {
            int vms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
            bool all = args.Length > 1 && args[1] == "all";
            string outFolder = args.Length > 2 ? args[2] : Path.Combine(Artifacts.Root, all ? "unique-all" : "unique-text");
            string xml = File.ReadAllText(Artifacts.PayloadPath(vms), Encoding.UTF8);
            int made = 0;
            string rewritten = TextBeforeEndTag().Replace(xml, match =>
            {
                string text = match.Groups[1].Value;
                if (NumberBooleanOrDate().IsMatch(text) || (!all && Identifier().IsMatch(text)))
                {
                    return match.Value;
                }

                made++;
                return ">" + text + (all ? "_" : " ~") + made.ToString(CultureInfo.InvariantCulture) + "</";
            });

            string path = Path.Combine(outFolder, "payloads", Path.GetFileName(Artifacts.PayloadPath(vms)));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, rewritten, new UTF8Encoding(false));
            Console.WriteLine($"{path}: {made:N0} values made distinct");
        }

        [GeneratedRegex(">([^<>]+)</")]
        private static partial Regex TextBeforeEndTag();

        [GeneratedRegex(@"^\s*(-?[0-9.]+|true|false|\d{4}-\d\d-\d\dT\S*)\s*$")]
        private static partial Regex NumberBooleanOrDate();

        [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9_]*\s*$")]
        private static partial Regex Identifier();
    }
}
