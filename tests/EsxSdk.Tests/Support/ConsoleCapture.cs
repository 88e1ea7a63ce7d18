using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// What one asynchronous flow writes to <see cref="Console.Out"/>, for code that prints (the README's samples).
    /// Tests run in parallel, so <c>Console.Out</c> is routed once to a writer that sends each write to the capture of the
    /// flow that made it, and everything else to the original output.
    /// </summary>
    internal static class ConsoleCapture
    {
        private static readonly AsyncLocal<StringWriter?> Current = new();
        private static readonly Lock Gate = new();
        private static bool routed;

        /// <summary>Runs <paramref name="action"/> and returns what it (and what it awaited) wrote to the console.</summary>
        public static async Task<string> RunAsync(Func<Task> action)
        {
            RouteConsoleOnce();
            var captured = new StringWriter();
            Current.Value = captured; // flows into the action and what it starts; never back out of this method
            await action();
            return captured.ToString();
        }

        private static void RouteConsoleOnce()
        {
            lock (Gate)
            {
                if (!routed)
                {
                    Console.SetOut(new RoutingWriter(Console.Out));
                    routed = true;
                }
            }
        }

        private sealed class RoutingWriter(TextWriter original) : TextWriter
        {
            public override Encoding Encoding => original.Encoding;

            private TextWriter Target => (TextWriter?)Current.Value ?? original;

            public override void Write(char value) => this.Target.Write(value);

            public override void Write(string? value) => this.Target.Write(value);

            public override void Write(char[] buffer, int index, int count) => this.Target.Write(buffer, index, count);

            public override void WriteLine(string? value) => this.Target.WriteLine(value);

            public override void Flush() => this.Target.Flush();
        }
    }
}
