using System.Threading.Tasks;
using EsxSdk.Analyzers.Tests.Support;
using Xunit;
using Verify = EsxSdk.Analyzers.Tests.Support.Verifier<EsxSdk.Analyzers.AutoAnswerAnalyzer>;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>ESX0003: auto_answer=1 in a connection URI literal (read as VimConnectionUri.Parse reads it), or FromAutoAnswer(true), is pointed out.</summary>
    public sealed class AutoAnswerTests
    {
        private const string Uri = "The connection URI's auto_answer=1";

        [Theory]
        [InlineData("""await VimClient.ConnectAsync({|#0:"vpx://vc.example.com/?no_verify=1&auto_answer=1"|}, null);""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:"esx://host/?auto_answer=1#x"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:Constant|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:$"vpx://{host}/?auto_answer=1"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:"esx://host/?AUTO_ANSWER=1"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:"esx://host/?no_verify=1&Auto_Answer=1"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:"esx://host/?auto%5Fanswer=%31"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:"  esx://host/??auto_answer=1&&no_verify=1  "|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:Base + "?auto_answer=1"|}));""")]
        [InlineData("""const string local = Base + "?Auto_Answer=1"; Keep(VimConnectionUri.Parse({|#0:local|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:$"vpx://{host}/?no_verify=1&AUTO_ANSWER=1#{host}"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:$"{host}&auto_answer=1"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:"esx://" + host + "/?AUTO_ANSWER=1"|}));""")]
        [InlineData("""Keep(VimConnectionUri.Parse({|#0:$"{Base}{host}?auto_answer=1" + "&no_verify=1"|}));""")]
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
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?AUTO_ANSWER=0"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse(host));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?auto_answer=true"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?AUTO_ANSWER=yes"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?auto_answer= 1"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?auto_answer"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?auto_answer=1&AUTO_ANSWER=1"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/#?auto_answer=1"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?no_verify=1#&auto_answer=1"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://host/?auto_answer%3D1"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse(NotConstant));""")]
        [InlineData("""Keep(VimConnectionUri.Parse($"vpx://h/?auto_answer=1{host}"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse($"vpx://h/?auto_answer={host}"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse($"vpx://h/?{host}auto_answer=1"));""")]
        [InlineData("""Keep(VimConnectionUri.Parse("esx://h/?auto_answer=" + host));""")]
        [InlineData("""Keep(VimConnectionUri.Parse(host + host));""")]
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
                private const string Base = "esx://host/";
                private static readonly string NotConstant = "vpx://vc/?auto_answer=1";

                async Task RunAsync(string host)
                {
                    
            """ + body + """

                }

                static void Keep(object? value) { }
            }
            """;
    }
}
