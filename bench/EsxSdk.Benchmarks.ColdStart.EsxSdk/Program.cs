using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using EsxSdk.Benchmarks.ColdStart;
using EsxSdk.Session;

// usage: EsxSdk.Benchmarks.ColdStart.EsxSdk <sdk url> <user> <password> [phases]
// Prints one JSON line: the time from entering Main to a completed RetrieveServiceContent + Login; with "phases",
// also where that time went (see ColdStartPhases).
long started = Stopwatch.GetTimestamp();
ColdStartPhases? phases = args.Length > 3 && args[3] == "phases" ? ColdStartPhases.Start(started) : null;
await using VimClient client = await VimClient.ConnectAsync(args[0], new NetworkCredential(args[1], args[2])).ConfigureAwait(false);
double firstCallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
if (client.CurrentSession is null)
{
    throw new InvalidOperationException("Not logged in");
}

string aot = (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported).ToString().ToLowerInvariant();
string phaseJson = phases is null ? string.Empty : ",\"phases\":" + phases.Finish();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"client\":\"esxsdk\",\"aot\":{aot},\"firstCallMs\":{firstCallMs:F2}{phaseJson}}}"));
