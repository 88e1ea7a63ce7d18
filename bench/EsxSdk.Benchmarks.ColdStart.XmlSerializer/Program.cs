using System;
using System.Diagnostics;
using System.Globalization;
using EsxSdk.Benchmarks.Clients;
using EsxSdk.Vim25;

// usage: EsxSdk.Benchmarks.ColdStart.XmlSerializer <sdk url> <user> <password> [contract|two-operations]
// Prints one JSON line: the time from entering Main to a completed RetrieveServiceContent + Login, serializers included.
// "contract" (default) builds every operation's serializers at once, as WCF does for an svcutil proxy;
// "two-operations" builds only the two used here (a lower bound no svcutil proxy reaches).
long started = Stopwatch.GetTimestamp();
string scope = args.Length > 3 ? args[3] : "contract";
XmlSerializerContract contract = scope == "contract"
    ? XmlSerializerContract.Build()
    : XmlSerializerContract.Build(["RetrieveServiceContent", "Login"], includeAllTypes: false);
double serializersMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
await using WcfSoapChannel channel = WcfSoapChannel.Open(new Uri(args[0]), VimService.WsdlApiVersion);
var client = new XmlSerializerVimClient(channel, contract);
var content = (await client.RetrieveServiceContentAsync().ConfigureAwait(false)).Returnval;
var session = (await client.LoginAsync(content.SessionManager, args[1], args[2]).ConfigureAwait(false)).Returnval;
double firstCallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
if (session is null)
{
    throw new InvalidOperationException("Not logged in");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"client\":\"xmlserializer-{scope}\",\"aot\":false,\"firstCallMs\":{firstCallMs:F2},\"serializersMs\":{serializersMs:F2}}}"));
