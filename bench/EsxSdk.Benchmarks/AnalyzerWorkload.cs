using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// The C# solution the analyzer benchmark analyses: <c>methods</c> methods in the shapes of
    /// <see cref="AnalyzerWorkloadShapes"/>, picked by weight from a seeded <see cref="Random"/> (the same sources every run),
    /// <see cref="MethodsPerFile"/> to a file, each file with its own project helpers (a checking helper, retry loops).
    /// </summary>
    public sealed class AnalyzerWorkload
    {
        public const int MethodsPerFile = 50;
        public const int DefaultSeed = 12;

        private const string Header = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net;
            using System.Threading;
            using System.Threading.Tasks;
            using EsxSdk;
            using EsxSdk.Properties;
            using EsxSdk.Session;
            using EsxSdk.Tasks;
            using EsxSdk.Vim25;

            """;

        /// <summary>Unmarked project helpers: ESX0001 must look into MustBeIdleAsync to see that it checks its parameter.</summary>
        private const string Helpers = """
                static class Guard
                {
                    public static async Task MustBeIdleAsync(this VimClient client, ManagedObjectReference vm, CancellationToken ct = default)
                    {
                        ArgumentNullException.ThrowIfNull(vm);
                        await client.EnsureNotBlockedAsync(vm, QuestionPolicy.Report, ct).ConfigureAwait(false);
                    }

                    public static async Task<T> RetryAsync<T>(Func<Task<T>> action)
                    {
                        for (int attempt = 1; ; attempt++)
                        {
                            try { return await action(); }
                            catch (VimConnectionException) when (attempt < 3) { }
                        }
                    }

                    public static async Task RetryCheckAsync(Func<Task> check)
                    {
                        for (int attempt = 1; ; attempt++)
                        {
                            try { await check(); return; }
                            catch (VimConnectionException) when (attempt < 3) { }
                        }
                    }
                }

            """;

        private AnalyzerWorkload(int methods, int seed, IReadOnlyList<(string Path, string Text)> files, IReadOnlyDictionary<string, int> expected)
        {
            this.Methods = methods;
            this.Seed = seed;
            this.Files = files;
            this.Expected = expected;
        }

        public int Methods { get; }

        public int Seed { get; }

        public IReadOnlyList<(string Path, string Text)> Files { get; }

        /// <summary>How many diagnostics of each rule the shapes give (ESX0001..ESX0004).</summary>
        public IReadOnlyDictionary<string, int> Expected { get; }

        public static AnalyzerWorkload Generate(int methods, int seed = DefaultSeed)
        {
            var random = new Random(seed);
            int totalWeight = AnalyzerWorkloadShapes.All.Sum(s => s.Weight);
            var expected = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var files = new List<(string, string)>();
            for (int first = 0, file = 0; first < methods; first += MethodsPerFile, file++)
            {
                var text = new StringBuilder(Header);
                text.Append("namespace Bench.Workload.File").Append(file.ToString(CultureInfo.InvariantCulture)).AppendLine().AppendLine("{");
                text.Append(Helpers);
                text.AppendLine("    sealed class Operations(VimClient client)").AppendLine("    {");
                for (int method = first; method < Math.Min(methods, first + MethodsPerFile); method++)
                {
                    AnalyzerWorkloadShape shape = Pick(random.Next(totalWeight));
                    string operation = AnalyzerWorkloadShapes.Operations[random.Next(AnalyzerWorkloadShapes.Operations.Length)];
                    string name = operation + "Method" + method.ToString(CultureInfo.InvariantCulture) + "Async";
                    text.AppendLine(Indent(shape.Method(name, operation), "        ")).AppendLine();
                    foreach ((string rule, int count) in shape.Expected)
                    {
                        expected[rule] = expected.GetValueOrDefault(rule) + count;
                    }
                }

                text.AppendLine("    }").AppendLine("}");
                files.Add(("Operations" + file.ToString(CultureInfo.InvariantCulture) + ".cs", text.ToString()));
            }

            return new AnalyzerWorkload(methods, seed, files, expected);
        }

        private static AnalyzerWorkloadShape Pick(int ticket)
        {
            foreach (AnalyzerWorkloadShape shape in AnalyzerWorkloadShapes.All)
            {
                if (ticket < shape.Weight)
                {
                    return shape;
                }

                ticket -= shape.Weight;
            }

            throw new ArgumentOutOfRangeException(nameof(ticket));
        }

        private static string Indent(string code, string indent) => indent + code.ReplaceLineEndings("\n").Replace("\n", "\n" + indent, StringComparison.Ordinal);
    }
}
