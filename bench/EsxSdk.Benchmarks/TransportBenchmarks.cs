using System;
using System.Net;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using EsxSdk.Benchmarks.Clients;
using EsxSdk.Session;
using EsxSdk.Transport;
using EsxSdk.Vim25;
using Twin = EsxSdk.Benchmarks.XmlSerializerBinding;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// Transport: the same calls against a local vcsim over System.ServiceModel.Http and over a bare HttpClient, with
    /// each serializer, plus EsxSdk's own VimClient. CurrentTime has an almost empty body, so it isolates the
    /// per-call cost of the layers; RetrieveVms reads config/runtime/summary/guest of 100 VMs.
    /// </summary>
    [Config(typeof(BenchConfig))]
    public class TransportBenchmarks
    {
        private static readonly ManagedObjectReference ServiceInstance = new("ServiceInstance", "ServiceInstance");

        private VcsimPeerProcess peer = null!;
        private VimClient client = null!;
        private ManagedObjectReference clientView = null!;
        private Session esxSdkWcf = null!;
        private Session esxSdkHttp = null!;
        private TwinSession xmlSerializerWcf = null!;
        private TwinSession xmlSerializerHttp = null!;

        [Params("CurrentTime", "RetrieveVms100")]
        public string Call { get; set; } = string.Empty;

        [GlobalSetup]
        public void Setup() => this.SetupAsync().GetAwaiter().GetResult();

        [GlobalCleanup]
        public void Cleanup() => this.CleanupAsync().GetAwaiter().GetResult();

        [Benchmark(Baseline = true)]
        public Task<object> EsxSdkOverHttpClient() => this.esxSdkHttp.CallAsync(this.Call);

        [Benchmark]
        public Task<object> EsxSdkOverWcf() => this.esxSdkWcf.CallAsync(this.Call);

        [Benchmark]
        public async Task<object> EsxSdkVimClient() => this.Call == "CurrentTime"
            ? await this.client.Service.CurrentTimeAsync(ServiceInstance)
            : (await this.client.Service.RetrievePropertiesExAsync(this.client.ServiceContent.PropertyCollector!, VmQuery.Request(this.client.ServiceContent.PropertyCollector!, this.clientView).SpecSet, new RetrieveOptions()))!;

        [Benchmark]
        public Task<object> XmlSerializerOverHttpClient() => this.xmlSerializerHttp.CallAsync(this.Call);

        [Benchmark]
        public Task<object> XmlSerializerOverWcf() => this.xmlSerializerWcf.CallAsync(this.Call);

        private async Task SetupAsync()
        {
            this.peer = await VcsimPeerProcess.StartAsync(50);
            this.client = await VimClient.ConnectAsync(this.peer.Url.ToString(), new NetworkCredential(VcsimPeerProcess.User, VcsimPeerProcess.Password));
            this.clientView = await this.client.Service.CreateContainerViewAsync(this.client.ServiceContent.ViewManager!, this.client.ServiceContent.RootFolder!, true, ["VirtualMachine"]);
            this.esxSdkWcf = await Session.OpenAsync(WcfSoapChannel.Open(this.peer.Url, this.peer.ApiVersion));
            this.esxSdkHttp = await Session.OpenAsync(new HttpSoapChannel(this.peer.Url, this.peer.ApiVersion));
            this.xmlSerializerWcf = await TwinSession.OpenAsync(WcfSoapChannel.Open(this.peer.Url, this.peer.ApiVersion), this.esxSdkHttp);
            this.xmlSerializerHttp = await TwinSession.OpenAsync(new HttpSoapChannel(this.peer.Url, this.peer.ApiVersion), this.esxSdkHttp);
        }

        private async Task CleanupAsync()
        {
            await this.client.DisposeAsync();
            await this.esxSdkWcf.Channel.DisposeAsync();
            await this.esxSdkHttp.Channel.DisposeAsync();
            await this.xmlSerializerWcf.Channel.DisposeAsync();
            await this.xmlSerializerHttp.Channel.DisposeAsync();
            await this.peer.DisposeAsync();
        }

        /// <summary>A logged-in EsxSdk session over one channel, with a container view of all VMs.</summary>
        private sealed record Session(ISoapChannel Channel, VimService Service, ServiceContent Content, ManagedObjectReference View)
        {
            public static async Task<Session> OpenAsync(ISoapChannel channel)
            {
                var service = new VimService(new EsxSdkChannelInvoker(channel));
                ServiceContent content = await service.RetrieveServiceContentAsync(ServiceInstance);
                await service.LoginAsync(content.SessionManager!, VcsimPeerProcess.User, VcsimPeerProcess.Password);
                ManagedObjectReference view = await service.CreateContainerViewAsync(content.ViewManager!, content.RootFolder!, true, ["VirtualMachine"]);
                return new Session(channel, service, content, view);
            }

            public async Task<object> CallAsync(string call) => call == "CurrentTime"
                ? await this.Service.CurrentTimeAsync(ServiceInstance)
                : (await this.Service.RetrievePropertiesExAsync(this.Content.PropertyCollector!, VmQuery.Request(this.Content.PropertyCollector!, this.View).SpecSet, new RetrieveOptions()))!;
        }

        /// <summary>A logged-in XmlSerializer session over one channel; the view morefs are taken from an EsxSdk session (same server).</summary>
        private sealed record TwinSession(ISoapChannel Channel, XmlSerializerVimClient Client, Twin.RetrievePropertiesExRequestType RetrieveVms)
        {
            public static async Task<TwinSession> OpenAsync(ISoapChannel channel, Session other)
            {
                var client = new XmlSerializerVimClient(channel, Contract.Shared);
                Twin.ServiceContent content = (await client.RetrieveServiceContentAsync()).Returnval;
                await client.LoginAsync(content.SessionManager, VcsimPeerProcess.User, VcsimPeerProcess.Password);
                // A view belongs to its session: create this session's own.
                var view = (await client.InvokeAsync<Twin.CreateContainerViewResponse>(new Twin.CreateContainerViewRequestType
                {
                    This = content.ViewManager,
                    Container = content.RootFolder!,
                    Type = ["VirtualMachine"],
                    Recursive = true,
                })).Returnval;
                var request = VmQuery.TwinRequest(other.Content.PropertyCollector!, new ManagedObjectReference(view.Type, view.Value));
                return new TwinSession(channel, client, request);
            }

            public async Task<object> CallAsync(string call) => call == "CurrentTime"
                ? (await this.Client.InvokeAsync<Twin.CurrentTimeResponse>(new Twin.CurrentTimeRequestType { This = new Twin.ManagedObjectReference { Type = "ServiceInstance", Value = "ServiceInstance" } })).Returnval
                : (await this.Client.InvokeAsync<Twin.RetrievePropertiesExResponse>(this.RetrieveVms)).Returnval;
        }
    }
}
