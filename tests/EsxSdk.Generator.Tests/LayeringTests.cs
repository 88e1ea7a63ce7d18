using System;
using System.IO;
using System.Text.RegularExpressions;
using EsxSdk.Testing;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// The linker makes every naming decision and the emitters only print the model: no emitter names a type of
    /// parsing, linking or the diagnostic catalogue, whether through a using, the full namespace or the short one.
    /// </summary>
    public sealed class LayeringTests
    {
        [Theory]
        [InlineData("Linking")]
        [InlineData("Parsing")]
        [InlineData("Diagnostics")]
        public void Emitters_depend_on_the_model_alone(string otherRole)
        {
            string[] emitters = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "generator", "EsxSdk.Generator", "Emitting"), "*.cs");
            var shortReference = new Regex("(?<![\\w.])" + otherRole + "\\.");

            Assert.NotEmpty(emitters);
            Assert.All(emitters, file =>
            {
                string text = File.ReadAllText(file);
                Assert.DoesNotContain("EsxSdk.Generator." + otherRole, text, StringComparison.Ordinal);
                Assert.False(shortReference.IsMatch(text), Path.GetFileName(file) + " refers to " + otherRole + "." + "..");
            });
        }
    }
}
