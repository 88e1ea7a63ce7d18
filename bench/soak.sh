#!/usr/bin/env bash
# The reliability soak: 200 tasks (default) through a fault-injecting relay with random outages, resets, stalls and
# session kills; prints hung waits and wrong outcomes (both must be 0) and recovery times, and writes
# docs/reliability-soak.md. Exit code 1 when a wait hung or an outcome was wrong. Not part of the tests.
#   bench/soak.sh [tasks] [seed]
# Needs: the .NET SDK, Go + govmomi (Debian: golang-go golang-github-vmware-govmomi-dev), the vim25 WSDL (wsdl/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ESXSDK_BENCH_ARTIFACTS=$repo/artifacts/bench
mkdir -p "$ESXSDK_BENCH_ARTIFACTS"

(cd tests/vcsim/peer && GOPATH=/usr/share/gocode GO111MODULE=off go build -o "$ESXSDK_BENCH_ARTIFACTS/vcsim-peer" .)
export ESXSDK_BENCH_PEER=$ESXSDK_BENCH_ARTIFACTS/vcsim-peer
dotnet build bench/EsxSdk.Benchmarks -c Release -v q -nologo
dotnet bench/EsxSdk.Benchmarks/bin/Release/net10.0/EsxSdk.Benchmarks.dll soak "${1:-200}" "${2:-1}" "$repo/docs/reliability-soak.md"
