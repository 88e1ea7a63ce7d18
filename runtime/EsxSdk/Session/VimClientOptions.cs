using System;
using Microsoft.Extensions.Logging;

namespace EsxSdk
{
    /// <summary>Settings of a <see cref="VimClient"/>; the defaults suit real hosts.</summary>
    public sealed record VimClientOptions
    {
        /// <summary>How long one call may take (WaitForUpdatesEx callers should keep their maxWait below it). Default 5 minutes.</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

        /// <summary>The largest response accepted, in bytes (default 256 MiB): a bounded but generous limit.</summary>
        public long MaxResponseBytes { get; init; } = 256L * 1024 * 1024;

        /// <summary>When set, an idle client calls CurrentTime this often so the server does not expire its session (real hosts do after about 30 idle minutes).</summary>
        public TimeSpan? KeepAliveInterval { get; init; }

        /// <summary>Locale passed to Login (e.g. "en"); null leaves the server's default.</summary>
        public string? Locale { get; init; }

        /// <summary>Where to log calls, re-logins and faults; null logs nothing. Secrets are never logged.</summary>
        public ILogger? Logger { get; init; }
    }
}
