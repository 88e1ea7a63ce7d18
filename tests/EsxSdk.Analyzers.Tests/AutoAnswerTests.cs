using System.Threading.Tasks;
using EsxSdk.Analyzers.Tests.Support;
using Xunit;
using Verify = EsxSdk.Analyzers.Tests.Support.Verifier<EsxSdk.Analyzers.AutoAnswerAnalyzer>;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>ESX0003: auto_answer=1 in a connection URI literal, or FromAutoAnswer(true), is pointed out.</summary>
    public sealed class AutoAnswerTests
    {
        private const string Uri = "The connection URI's auto_answer=1";

        [Theory]
        [InlineData("""await VimClient.ConnectAsync({|#0:"vpx://vc.example.com/?no_verify=1&auto_answer=1"|}, null);""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:"esx://host/?auto_answer=1#x"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:Constant|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:$"vpx://{host}/?auto_answer=1"|}));""")]
        public async Task Auto_answer_in_a_connection_uri_is_reported(string body)
        {
            await Verify.AnalyzeAsync(Source(body), Verify.Diagnostic("ESX0003").WithLocation(0).WithArguments(Uri));
        }

        [Fact]
        public async Task A_constant_true_policy_flag_is_reported()
        {
            await Verify.AnalyzeAsync(
                Source("Keep({|#0:QuestionPolicy.FromAutoAnswer(true)|});"),
                Verify.Diagnostic("ESX0003").WithLocation(0).WithArguments("QuestionPolicy.FromAutoAnswer(true)"));
        }

        [Theory]
        [InlineData("""await VimClient.ConnectAsync("vpx://vc.example.com/?auto_answer=0", null);""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?x_auto_answer=1"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?auto_answer=10"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse(host));""")]
        [InlineData("""Keep("vpx://vc/?auto_answer=1");""")]
        [InlineData("""Keep(QuestionPolicy.FromAutoAnswer(host.Length > 3));""")]
        [InlineData("""Keep(QuestionPolicy.AnswerWithDefault);""")]
        public async Task Explicit_or_unknown_choices_are_not_reported(string body)
        {
            await Verify.AnalyzeAsync(Source(body));
        }

        private static string Source(string body) => Sources.Prelude + """
            sealed class Example
            {
                private const string Constant = "vpx://vc/?auto_answer=1";

                async Task RunAsync(string host)
                {
                    
            """ + body + """

                }

                static void Keep(object? value) { }
            }
            """;
    }
}
