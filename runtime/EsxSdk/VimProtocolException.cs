using System;

namespace EsxSdk
{
    /// <summary>
    /// The server answered, but not with what the vim25 WSDL promises: a malformed body (not XML, a DTD, cut short, no
    /// envelope), an empty SOAP body, a missing required value.
    /// </summary>
    public sealed class VimProtocolException : VimException
    {
        /// <summary>Creates the exception.</summary>
        public VimProtocolException(string message, string? operation, Exception? innerException = null)
            : base(message, operation, innerException)
        {
        }

        /// <summary>Creates the exception for malformed XML at a known place in the response (the message names it).</summary>
        public VimProtocolException(string message, string? operation, int lineNumber, int linePosition, Exception? innerException = null)
            : base(lineNumber > 0 ? message + " (line " + lineNumber + ", position " + linePosition + ")" : message, operation, innerException)
        {
            this.LineNumber = lineNumber;
            this.LinePosition = linePosition;
        }

        /// <summary>The 1-based line in the response where the XML is malformed, or 0 when unknown (or not an XML error).</summary>
        public int LineNumber { get; }

        /// <summary>The 1-based position in that line, or 0 when unknown.</summary>
        public int LinePosition { get; }
    }
}
