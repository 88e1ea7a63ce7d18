using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EsxSdk.Tests.Support;
using Xunit;

namespace EsxSdk.Tests.Vcsim
{
    /// <summary>Smoke tests of the shared vCenter-model vcsim peer, with plain HTTP and hand-written SOAP.</summary>
    [Collection(VcsimVpxCollection.Name)]
    public sealed class VcsimPeerTests
    {
        private readonly VcsimPeer peer;

        public VcsimPeerTests(VcsimVpxFixture fixture) => this.peer = fixture.Peer;

        [Fact]
        public void The_ready_line_gives_a_loopback_sdk_url_the_credentials_and_the_api_version()
        {
            Assert.Equal("http", this.peer.Url.Scheme);
            Assert.Equal("127.0.0.1", this.peer.Url.Host);
            Assert.NotEqual(0, this.peer.Url.Port);
            Assert.Equal("/sdk", this.peer.Url.AbsolutePath);
            Assert.Equal(VcsimPeerOptions.DefaultUser, this.peer.User);
            Assert.Equal(VcsimPeerOptions.DefaultPassword, this.peer.Password);
            Assert.Equal("6.5", this.peer.ApiVersion);
        }

        [Fact]
        public async Task RetrieveServiceContent_returns_200_and_the_VirtualCenter_api_type()
        {
            SoapProbeResponse response = await SoapProbe.PostAsync(this.peer, SoapProbe.RetrieveServiceContent());

            Assert.True(response.StatusCode == HttpStatusCode.OK, response.ToString());
            Assert.Equal("VirtualCenter", response.Value("apiType"));
            Assert.Equal(this.peer.ApiVersion, response.Value("apiVersion"));
            Assert.Equal("group-d1", response.Value("rootFolder"));
            Assert.Equal("SessionManager", response.Value("sessionManager"));
        }

        [Fact]
        public async Task Login_with_the_right_password_returns_a_UserSession_and_a_session_cookie()
        {
            SoapProbeResponse login = await SoapProbe.PostAsync(this.peer, SoapProbe.Login("SessionManager", this.peer.User, this.peer.Password));

            Assert.True(login.StatusCode == HttpStatusCode.OK, login.ToString());
            Assert.Null(login.FaultType);
            Assert.Equal(this.peer.User, login.Value("userName"));
            string key = login.Value("key");
            Assert.False(string.IsNullOrEmpty(key));
            Assert.Equal(key, login.SessionCookie);

            SoapProbeResponse time = await SoapProbe.PostAsync(this.peer, SoapProbe.CurrentTime(), login.SessionCookie);
            Assert.True(time.StatusCode == HttpStatusCode.OK, time.ToString());
            Assert.NotNull(time.ReturnValue);
        }

        [Fact]
        public async Task Login_with_a_wrong_password_returns_HTTP_500_with_an_InvalidLogin_fault()
        {
            SoapProbeResponse login = await SoapProbe.PostAsync(this.peer, SoapProbe.Login("SessionManager", this.peer.User, "wrong-" + this.peer.Password));

            Assert.Equal(HttpStatusCode.InternalServerError, login.StatusCode);
            Assert.Equal("InvalidLogin", login.FaultType);
            Assert.Null(login.SessionCookie);
        }

        [Fact]
        public async Task Login_with_a_wrong_user_name_returns_an_InvalidLogin_fault()
        {
            SoapProbeResponse login = await SoapProbe.PostAsync(this.peer, SoapProbe.Login("SessionManager", "someone-else", this.peer.Password));

            Assert.Equal(HttpStatusCode.InternalServerError, login.StatusCode);
            Assert.Equal("InvalidLogin", login.FaultType);
        }

        [Fact]
        public async Task Login_again_with_a_live_session_cookie_is_InvalidLogin_in_this_simulator()
        {
            // govmomi 0.24.2's SessionManager.validLogin refuses a Login made within a session; a client
            // that logs in again must drop its old cookie first.
            string session = await SoapProbe.LoginAsync(this.peer);

            SoapProbeResponse again = await SoapProbe.PostAsync(this.peer, SoapProbe.Login("SessionManager", this.peer.User, this.peer.Password), session);

            Assert.Equal(HttpStatusCode.InternalServerError, again.StatusCode);
            Assert.Equal("InvalidLogin", again.FaultType);
        }

        [Fact]
        public async Task A_call_that_needs_a_session_fails_with_NotAuthenticated_without_one()
        {
            SoapProbeResponse time = await SoapProbe.PostAsync(this.peer, SoapProbe.CurrentTime());

            Assert.Equal(HttpStatusCode.InternalServerError, time.StatusCode);
            Assert.Equal("NotAuthenticated", time.FaultType);
        }
    }
}
