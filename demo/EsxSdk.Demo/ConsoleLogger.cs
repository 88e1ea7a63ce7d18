using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace EsxSdk.Demo
{
    /// <summary>Shows the client's Information events (a question answered, a new login) as indented demo lines.</summary>
    internal sealed class ConsoleLogger(TextWriter output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (this.IsEnabled(logLevel))
            {
                output.WriteLine("    [log " + logLevel + "] " + formatter(state, exception));
            }
        }
    }
}
