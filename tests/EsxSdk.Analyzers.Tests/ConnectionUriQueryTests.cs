using System;
using EsxSdk.Session;
using Xunit;

namespace EsxSdk.Analyzers.Tests
{
    /// <summary>ESX0003 reads auto_answer as the runtime's parser does: both agree on every URI here (a URI the parser rejects is off).</summary>
    public sealed class ConnectionUriQueryTests
    {
        [Theory]
        [InlineData("esx://host/?auto_answer=1")]
        [InlineData("esx://host/?AUTO_ANSWER=1")]
        [InlineData("vpx://user@vc/dc/host?Auto_Answer=1&no_verify=1")]
        [InlineData("esx://host/?auto%5Fanswer=%31")]
        [InlineData("  esx://host/??auto_answer=1&&no_verify=1  ")]
        [InlineData("https://host/sdk?auto_answer=1#fragment")]
        [InlineData("esx://host/?auto_answer=0")]
        [InlineData("esx://host/?auto_answer=true")]
        [InlineData("esx://host/?auto_answer=yes")]
        [InlineData("esx://host/?auto_answer= 1")]
        [InlineData("esx://host/?auto_answer")]
        [InlineData("esx://host/?auto_answer=10")]
        [InlineData("esx://host/?auto_answer=1&AUTO_ANSWER=1")]
        [InlineData("esx://host/#?auto_answer=1")]
        [InlineData("esx://host/?no_verify=1#&auto_answer=1")]
        [InlineData("esx://host/?auto_answer%3D1")]
        [InlineData("esx://host/?auto_answer=%2531")]
        [InlineData("esx://host/")]
        public void The_analyzer_and_the_parser_agree(string uri)
        {
            Assert.Equal(ParsedAutoAnswer(uri), ConnectionUriQuery.SetsAutoAnswer(uri));
        }

        private static bool ParsedAutoAnswer(string uri)
        {
            try
            {
                return VimConnectionUri.Parse(uri).AutoAnswer;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
