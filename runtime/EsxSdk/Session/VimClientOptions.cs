using System;
using Microsoft.Extensions.Logging;

namespace EsxSdk.Session
{
    /// <summary>Settings of a <see cref="VimClient"/>; the defaults suit real hosts.</summary>
    public sealed record VimClientOptions
    {
        /// <summary>The longest <see cref="Timeout"/> accepted, 24 days: WCF's timers take at most Int32.MaxValue milliseconds (24.8 days) with a margin for its own arithmetic.</summary>
        public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(24);

        private TimeSpan timeout = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How long one call may take, from sending the request to the last byte of the response read and decoded
        /// (responses are decoded while they arrive, so a body that stalls or trickles halfway ends at this bound too).
        /// Default 5 minutes. The update loop's long poll (WaitForUpdatesEx) waits on the server for a time derived from
        /// it (always shorter, at most 30 s), so an idle client never times out. Must be positive and at most
        /// <see cref="MaxTimeout"/>: every call has a bound (there is no infinite time-out).
        /// </summary>
        public TimeSpan Timeout
        {
            get => this.timeout;
            init => this.timeout = value > TimeSpan.Zero && value <= MaxTimeout
                ? value
                : throw new ArgumentOutOfRangeException(nameof(this.Timeout), value, "The call time-out must be positive and at most " + MaxTimeout.TotalDays.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " days (WCF's timers take no more); every call needs a bound.");
        }

        /// <summary>
        /// How long watches and task waits ride out an unreachable server (a vCenter service restart, a host failover)
        /// before they fail with <see cref="VimConnectionException"/>. Default 5 minutes. Within the window the client
        /// retries with capped exponential back-off and jitter, then re-makes its collector and filters and re-reads
        /// every watched value, so a task that finished during the outage reports its outcome.
        /// </summary>
        public TimeSpan OutageWindow { get; init; } = TimeSpan.FromMinutes(5);

        /// <summary>The first retry delay after a failed call during an outage (doubled per attempt, with jitter). Default 1 s.</summary>
        public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest delay between two retries during an outage. Default 30 s.</summary>
        public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The largest response accepted, in bytes (default 256 MiB): a bounded but generous limit, counted while the
        /// response is read (it is never held whole in memory).
        /// </summary>
        public long MaxResponseBytes { get; init; } = 256L * 1024 * 1024;

        /// <summary>When set, an idle client calls CurrentTime this often so the server does not expire its session (real hosts do after about 30 idle minutes).</summary>
        public TimeSpan? KeepAliveInterval { get; init; }

        /// <summary>Locale passed to Login (e.g. "en"); null leaves the server's default.</summary>
        public string? Locale { get; init; }

        /// <summary>Where to log calls, re-logins and faults; null logs nothing. Secrets are never logged.</summary>
        public ILogger? Logger { get; init; }
    }
}
