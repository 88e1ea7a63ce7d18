using System;

namespace EsxSdk
{
    /// <summary>The server answered, but not with what the vim25 WSDL promises (e.g. a missing required value).</summary>
    public sealed class VimProtocolException : VimException
    {
        /// <summary>Creates the exception.</summary>
        public VimProtocolException(string message, string? operation, Exception? innerException = null)
            : base(message, operation, innerException)
        {
        }
    }
}
