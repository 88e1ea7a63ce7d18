using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Session;
using Microsoft.Extensions.Logging;

namespace EsxSdk.Tests.Support
{
    /// <summary>An <see cref="ILogger"/> that keeps every entry (event name, level, structured values) for assertions; thread-safe.</summary>
    internal sealed class CollectingLogger : ILogger
    {
        private readonly List<LogEntry> entries = new();

        public IReadOnlyList<LogEntry> Entries
        {
            get
            {
                lock (this.entries)
                {
                    return this.entries.ToArray();
                }
            }
        }

        /// <summary>How many entries have the event name (the VimClientLog method name, e.g. "LoggedIn").</summary>
        public int Count(string eventName, Func<LogEntry, bool>? predicate = null)
            => this.Entries.Count(e => e.EventName == eventName && (predicate is null || predicate(e)));

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (KeyValuePair<string, object?> pair in pairs)
                {
                    values[pair.Key] = pair.Value;
                }
            }

            var entry = new LogEntry(eventId.Name ?? string.Empty, logLevel, formatter(state, exception), values);
            lock (this.entries)
            {
                this.entries.Add(entry);
            }
        }
    }
}
