using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using EsxSdk;
using EsxSdk.Session;

// usage: EsxSdk.Benchmarks.ColdStart.EsxSdk <sdk url> <user> <password>
// Prints one JSON line: the time from entering Main to a completed RetrieveServiceContent + Login.
long started = Stopwatch.GetTimestamp();
await using VimClient client = await VimClient.ConnectAsync(args[0], new NetworkCredential(args[1], args[2])).ConfigureAwait(false);
double firstCallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
if (client.CurrentSession is null)
{
    throw new InvalidOperationException("Not logged in");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"client\":\"esxsdk\",\"aot\":{(!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported).ToString().ToLowerInvariant()},\"firstCallMs\":{firstCallMs:F2}}}"));
