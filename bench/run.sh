#!/usr/bin/env bash
# Runs every benchmark measure and regenerates docs/benchmarks.md (see bench/README.md).
#   bench/run.sh            full run (about 75 minutes on a 2-core machine; ESXSDK_BENCH_LAUNCHES=1 about 45: section 1 in one process per case)
#   bench/run.sh --quick    one pass of each case: checks the suite works; figures meaningless, docs not written
# Needs: the .NET SDK, Go + govmomi (Debian: golang-go golang-github-vmware-govmomi-dev), the vim25 WSDL (wsdl/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts=$repo/artifacts/bench
rm -rf "$artifacts"
mkdir -p "$artifacts"
export ESXSDK_BENCH_ARTIFACTS=$artifacts

echo "== building the vcsim peer"
(cd tests/vcsim/peer && GOPATH=/usr/share/gocode GO111MODULE=off go build -o "$artifacts/vcsim-peer" .)
export ESXSDK_BENCH_PEER=$artifacts/vcsim-peer
export ESXSDK_BENCH_GOVMOMI=$(dpkg-query -W -f '${Version}' golang-github-vmware-govmomi-dev 2>/dev/null || echo unknown)

echo "== building the benchmarks"
dotnet build bench/EsxSdk.Benchmarks -c Release -v q -nologo
dotnet build bench/EsxSdk.Benchmarks.ColdStart.EsxSdk -c Release -v q -nologo
dotnet build bench/EsxSdk.Benchmarks.ColdStart.XmlSerializer -c Release -v q -nologo
dotnet build bench/EsxSdk.Benchmarks.ColdStart.HelloWorld -c Release -v q -nologo
export ESXSDK_BENCH_COLDSTART_ESXSDK=$repo/bench/EsxSdk.Benchmarks.ColdStart.EsxSdk/bin/Release/net10.0/EsxSdk.Benchmarks.ColdStart.EsxSdk.dll
export ESXSDK_BENCH_COLDSTART_HELLO=$repo/bench/EsxSdk.Benchmarks.ColdStart.HelloWorld/bin/Release/net10.0/EsxSdk.Benchmarks.ColdStart.HelloWorld.dll

echo "== packing EsxSdk into a local feed (the package cold start client loads its ReadyToRun images)"
# A version of its own per run, so no older copy in the NuGet cache stands in for this build.
package_version=0.1.0-bench.$(date -u +%Y%m%d%H%M%S)
dotnet pack runtime/EsxSdk -c Release --no-build -o "$artifacts/feed" -p:Version="$package_version" -v q -nologo
dotnet build bench/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage -c Release -v q -nologo \
  -p:EsxSdkPackageVersion="$package_version" -p:RestoreAdditionalProjectSources="$artifacts/feed"
export ESXSDK_BENCH_COLDSTART_ESXSDK_PACKAGE=$repo/bench/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage/bin/Release/net10.0/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage.dll
# The same client with NuGet's IL-only WCF (the package's WCF copies switched off), for the comparison row.
dotnet build bench/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage -c Release -v q -nologo -o "$artifacts/package-wcf-il" -p:EsxSdkReadyToRunWcf=false \
  -p:EsxSdkPackageVersion="$package_version" -p:RestoreAdditionalProjectSources="$artifacts/feed"
export ESXSDK_BENCH_COLDSTART_ESXSDK_PACKAGE_WCF_IL=$artifacts/package-wcf-il/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage.dll
dotnet publish bench/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$artifacts/published-r2r" -v q -nologo -p:EsxSdkPackageVersion="$package_version" -p:RestoreAdditionalProjectSources="$artifacts/feed"
export ESXSDK_BENCH_COLDSTART_ESXSDK_PUBLISHED_R2R=$artifacts/published-r2r/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage.dll
# What an app can choose for the shortest JIT-mode start: self-contained with composite ReadyToRun (the framework, WCF and
# EsxSdk in one image); the hello world published alike shows what that mode alone does to the runtime's start.
dotnet publish bench/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
  -p:PublishReadyToRunComposite=true -o "$artifacts/published-composite" -v q -nologo \
  -p:EsxSdkPackageVersion="$package_version" -p:RestoreAdditionalProjectSources="$artifacts/feed"
export ESXSDK_BENCH_COLDSTART_ESXSDK_COMPOSITE=$artifacts/published-composite/EsxSdk.Benchmarks.ColdStart.EsxSdkPackage
dotnet publish bench/EsxSdk.Benchmarks.ColdStart.HelloWorld -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
  -p:PublishReadyToRunComposite=true -o "$artifacts/hello-composite" -v q -nologo
export ESXSDK_BENCH_COLDSTART_HELLO_COMPOSITE=$artifacts/hello-composite/EsxSdk.Benchmarks.ColdStart.HelloWorld
export ESXSDK_BENCH_COLDSTART_XMLSERIALIZER=$repo/bench/EsxSdk.Benchmarks.ColdStart.XmlSerializer/bin/Release/net10.0/EsxSdk.Benchmarks.ColdStart.XmlSerializer.dll

echo "== publishing the NativeAOT sample"
if dotnet publish bench/EsxSdk.Benchmarks.ColdStart.EsxSdk -c Release -r linux-x64 -o "$artifacts/aot" -v q -nologo >"$artifacts/aot-publish.log" 2>&1; then
  export ESXSDK_BENCH_AOT=$artifacts/aot/EsxSdk.Benchmarks.ColdStart.EsxSdk
else
  # The report quotes the error instead of a size.
  export ESXSDK_BENCH_AOT_ERROR=$(grep -m1 -E 'error' "$artifacts/aot-publish.log" || tail -1 "$artifacts/aot-publish.log")
  echo "NativeAOT publish failed: $ESXSDK_BENCH_AOT_ERROR" >&2
fi

bench="dotnet bench/EsxSdk.Benchmarks/bin/Release/net10.0/EsxSdk.Benchmarks.dll"

echo "== capturing payloads from vcsim"
$bench capture

if [ "$quick" = 1 ]; then
  export ESXSDK_BENCH_QUICK=1
  $bench bdn --filter '*'
  ESXSDK_BENCH_COLDSTART_PHASES=1 $bench coldstart 1
  $bench tasks 1
  echo "quick run done: results in $artifacts (docs/benchmarks.md not written)"
  exit 0
fi

echo "== BenchmarkDotNet: deserialize, serialize, generator, analyzers, transport"
$bench bdn --filter '*'
echo "== cold start (fresh processes; 9 rounds: the machine is shared, medians need them)"
ESXSDK_BENCH_COLDSTART_PHASES=1 $bench coldstart 9
echo "== task runner"
$bench tasks 5

echo "== writing docs/benchmarks.md"
export ESXSDK_BENCH_COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs/benchmarks.md' || echo "+changes")
export ESXSDK_BENCH_COMMAND="bench/run.sh"
$bench report "$repo/docs/benchmarks.md"
