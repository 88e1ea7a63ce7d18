using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Demo;
using EsxSdk.Tests.Support;
using Xunit;

namespace EsxSdk.Tests.Demo
{
    /// <summary>The README's main command: the demo's scenes against the local simulator all behave as their policy says.</summary>
    public sealed class DemoTests
    {
        [Fact]
        public async Task The_simulator_demo_shows_every_scene_as_its_policy_says()
        {
            // The demo builds the same peer into the same folder: have it built already, once, by the tests' build lock.
            await VcsimBuild.EnsureBuiltAsync(CancellationToken.None);
            var output = new StringWriter();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));

            int exitCode = await SimulatorDemo.RunAsync(output, limit.Token);

            string text = output.ToString();
            Assert.True(exitCode == 0, text);
            Assert.Contains("left blocked", text, StringComparison.Ordinal);
            Assert.Contains("No new task was started", text, StringComparison.Ordinal);
            Assert.Contains("Answered the question", text, StringComparison.Ordinal);
            Assert.Contains("power state now: poweredOn", text, StringComparison.Ordinal);
            Assert.Contains("The task was canceled", text, StringComparison.Ordinal);
            Assert.Contains("it has no default choice", text, StringComparison.Ordinal);
        }
    }
}
