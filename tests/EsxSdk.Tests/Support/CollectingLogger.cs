using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace EsxSdk.Tests.Support
{
    /// <summary>An ILogger that keeps every message with its event name, for asserting on what the client logs.</summary>
    internal sealed class CollectingLogger : ILogger
    {
        public ConcurrentQueue<(string Event, LogLevel Level, string Message)> Entries { get; } = new();

        public int Count(string eventName) => this.Entries.Count(e => e.Event == eventName);

        public string AllText => string.Join("\n", this.Entries.Select(e => e.Message));

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => this.Entries.Enqueue((eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), logLevel, formatter(state, exception)));
    }
}
