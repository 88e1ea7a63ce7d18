using System;
using System.IO;

namespace EsxSdk.Benchmarks
{
    /// <summary>Where a run keeps its payloads and results: $ESXSDK_BENCH_ARTIFACTS (bench/run.sh: artifacts/bench).</summary>
    public static class Artifacts
    {
        public static string Root => Environment.GetEnvironmentVariable("ESXSDK_BENCH_ARTIFACTS") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(RepoRoot, "artifacts", "bench");

        public static string Payloads => Path.Combine(Root, "payloads");

        public static string PayloadPath(int vms) => Path.Combine(Payloads, "vms-" + vms.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".xml");

        /// <summary>The repository: the first folder up from the binaries that holds global.json.</summary>
        public static string RepoRoot
        {
            get
            {
                for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "bench")))
                    {
                        return dir.FullName;
                    }
                }

                throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>The vim25 7.0u2 WSDL folder: $VimWsdlDir, else ../shared/wsdl/vim25-7.0u2 beside the repository (as wsdl/VimWsdl.props).</summary>
        public static string WsdlFolder => Environment.GetEnvironmentVariable("VimWsdlDir") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "wsdl", "vim25-7.0u2"));
    }
}
