using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace EsxSdk.Tests.Support
{
    /// <summary>One entry a <see cref="CollectingLogger"/> kept.</summary>
    internal sealed record LogEntry(string EventName, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)
    {
        /// <summary>A structured value as text (e.g. "Operation"), or null.</summary>
        public string? Value(string name) => this.Values.TryGetValue(name, out object? value) ? value?.ToString() : null;

        public override string ToString() => this.EventName + " " + this.Level + ": " + this.Message;
    }
}
