using System;
using System.ServiceModel.Channels;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Transport;
using EsxSdk.Vim25;
using EsxSdk.Xml;
using Xunit;

namespace EsxSdk.Tests.Transport
{
    /// <summary>
    /// The first connection's warm-up: its sample exchange must really go through the transport's encoders and readers
    /// (or it warms nothing), run once per process, and stay off when switched off.
    /// </summary>
    public sealed class StartupWarmUpTests
    {
        private static readonly VimTransportOptions Options = new(new Uri("https://esx.invalid/sdk"), TimeSpan.FromSeconds(30), 1 << 20, NoVerify: false, Thumbprint: null);

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void The_sample_exchange_reads_its_response_back_through_the_bindings_encoder(bool buffered)
        {
            MessageEncoder encoder = Encoding(buffered).CreateMessageEncoderFactory().Encoder;

            IVimXmlSerializable read = Assert.Single(VimClient.FirstExchangeWarmUp(login: false).Run(encoder, VimTypeRegistry.Instance));

            var response = Assert.IsType<RetrieveServiceContentResponse>(read);
            Assert.Equal("group-d1", response.Returnval?.RootFolder?.Value);
            Assert.Equal("PropertyCollector", response.Returnval?.PropertyCollector?.Type);
            Assert.Equal(VimService.WsdlApiVersion, response.Returnval?.About?.ApiVersion);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_connection_that_logs_in_warms_up_Login_after_RetrieveServiceContent(bool buffered)
        {
            MessageEncoder encoder = Encoding(buffered).CreateMessageEncoderFactory().Encoder;

            IVimXmlSerializable[] read = VimClient.FirstExchangeWarmUp(login: true).Run(encoder, VimTypeRegistry.Instance);

            Assert.Equal(2, read.Length);
            Assert.IsType<RetrieveServiceContentResponse>(read[0]);
            var login = Assert.IsType<LoginResponse>(read[1]);
            Assert.Equal("warm-up", login.Returnval?.Key);
            Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), login.Returnval?.LoginTime);
        }

        [Fact]
        public async Task A_process_warms_up_once_at_most()
        {
            StartupWarmUp warmUp = VimClient.FirstExchangeWarmUp(login: true);

            Task? first = warmUp.StartOnce(() => Encoding(buffered: false), https: true, VimTypeRegistry.Instance);
            Task? second = warmUp.StartOnce(() => Encoding(buffered: false), https: true, VimTypeRegistry.Instance);

            // Another test's connection may have been the process's first: then neither starts.
            Assert.Null(second);
            Assert.False(StartupWarmUp.Pending);
            if (first is not null)
            {
                await first.WaitAsync(TimeSpan.FromSeconds(60));
            }
        }

        [Fact]
        public void The_switch_turns_it_off()
        {
            AppContext.SetSwitch(StartupWarmUp.DisableSwitch, true);
            try
            {
                Assert.False(StartupWarmUp.Enabled);
                Assert.False(StartupWarmUp.Pending);
            }
            finally
            {
                AppContext.SetSwitch(StartupWarmUp.DisableSwitch, false);
            }
        }

        private static MessageEncodingBindingElement Encoding(bool buffered)
            => VimSoapTransport.CreateBinding(Options, https: true, buffered).Elements.Find<MessageEncodingBindingElement>()!;
    }
}
