using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using EsxSdk.Benchmarks.Clients;
using EsxSdk.Vim25;
using EsxSdk.Xml;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Captures the deserialization payloads: the raw RetrievePropertiesEx response (config, runtime, summary,
    /// guest of every VM) from vcsim's vCenter model with the requested VM counts.
    /// </summary>
    public static class Capture
    {
        public static readonly int[] VmCounts = [100, 1000, 5000];

        public static async Task RunAsync()
        {
            Directory.CreateDirectory(Artifacts.Payloads);
            var manifest = new List<object>();
            foreach (int vms in VmCounts)
            {
                // vcsim's vpx model has two resource pools (a standalone host's and the cluster's); Machine is VMs per pool.
                await using VcsimPeerProcess peer = await VcsimPeerProcess.StartAsync(vms / 2);
                byte[] payload = await CaptureAsync(peer);
                string path = Artifacts.PayloadPath(vms);
                await File.WriteAllBytesAsync(path, payload);
                int objects = CountObjects(payload);
                Console.WriteLine($"captured {path}: {payload.Length:N0} bytes, {objects} VMs");
                if (objects != vms)
                {
                    throw new InvalidDataException($"Expected {vms} VMs in the payload, found {objects}");
                }

                manifest.Add(new { vms, bytes = payload.Length, file = Path.GetFileName(path), apiVersion = peer.ApiVersion });
            }

            await File.WriteAllTextAsync(Path.Combine(Artifacts.Payloads, "manifest.json"), JsonSerializer.Serialize(manifest));
        }

        private static async Task<byte[]> CaptureAsync(VcsimPeerProcess peer)
        {
            await using var channel = new HttpSoapChannel(peer.Url, peer.ApiVersion);
            var service = new VimService(new EsxSdkChannelInvoker(channel));
            ServiceContent content = await service.RetrieveServiceContentAsync(new ManagedObjectReference("ServiceInstance", "ServiceInstance"));
            await service.LoginAsync(content.SessionManager!, VcsimPeerProcess.User, VcsimPeerProcess.Password);
            ManagedObjectReference view = await service.CreateContainerViewAsync(content.ViewManager!, content.RootFolder!, true, ["VirtualMachine"]);
            RetrievePropertiesExRequestType request = VmQuery.Request(content.PropertyCollector!, view);
            return await channel.CallRawAsync(writer => EsxSdkChannelInvoker.WriteRequest(writer, "RetrievePropertiesEx", request));
        }

        private static int CountObjects(byte[] payload)
        {
            int count = 0;
            using XmlReader reader = XmlReader.Create(new MemoryStream(payload), VimXmlSerializer.CreateReaderSettings());
            while (reader.ReadToFollowing("objects", "urn:vim25"))
            {
                count++;
            }

            return count;
        }
    }
}
