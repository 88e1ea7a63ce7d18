using System.Net;
using System.Threading.Tasks;
using EsxSdk.Tests.Support;
using Xunit;

namespace EsxSdk.Tests.Vcsim
{
    /// <summary>Smoke tests of the shared standalone-ESXi-model vcsim peer.</summary>
    [Collection(VcsimEsxCollection.Name)]
    public sealed class VcsimEsxPeerTests
    {
        private readonly VcsimPeer peer;

        public VcsimEsxPeerTests(VcsimEsxFixture fixture) => this.peer = fixture.Peer;

        [Fact]
        public async Task RetrieveServiceContent_returns_200_and_the_HostAgent_api_type()
        {
            SoapProbeResponse response = await SoapProbe.PostAsync(this.peer, SoapProbe.RetrieveServiceContent());

            Assert.True(response.StatusCode == HttpStatusCode.OK, response.ToString());
            Assert.Equal("HostAgent", response.Value("apiType"));
            Assert.Equal(this.peer.ApiVersion, response.Value("apiVersion"));
            Assert.Equal("ha-folder-root", response.Value("rootFolder"));
            Assert.Equal("ha-sessionmgr", response.Value("sessionManager"));
        }

        [Fact]
        public async Task Login_checks_the_password_on_the_ESX_model_too()
        {
            string sessionManager = (await SoapProbe.ServiceContentAsync(this.peer)).Value("sessionManager");

            SoapProbeResponse wrong = await SoapProbe.PostAsync(this.peer, SoapProbe.Login(sessionManager, this.peer.User, "wrong"));
            SoapProbeResponse right = await SoapProbe.PostAsync(this.peer, SoapProbe.Login(sessionManager, this.peer.User, this.peer.Password));

            Assert.Equal("InvalidLogin", wrong.FaultType);
            Assert.True(right.StatusCode == HttpStatusCode.OK, right.ToString());
            Assert.Equal(this.peer.User, right.Value("userName"));
        }
    }
}
