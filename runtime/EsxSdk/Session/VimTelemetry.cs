using System.Diagnostics;

namespace EsxSdk.Session
{
    /// <summary>The <see cref="ActivitySource"/> EsxSdk traces with: one span per SOAP call.</summary>
    public static class VimTelemetry
    {
        /// <summary>The source name to listen to (e.g. in OpenTelemetry's AddSource).</summary>
        public const string SourceName = "EsxSdk";

        internal static readonly ActivitySource Source = new(SourceName);
    }
}
