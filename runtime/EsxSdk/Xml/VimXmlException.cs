using System;

namespace EsxSdk.Xml
{
    /// <summary>vim25 XML that cannot be read: malformed, prohibited (DTD), over a limit, or with invalid values.</summary>
    public sealed class VimXmlException : Exception
    {
        /// <summary>Creates an exception for a position in the XML (0 when unknown).</summary>
        public VimXmlException(string message, int lineNumber, int linePosition, Exception? innerException = null)
            : base(lineNumber > 0 ? message + " (line " + lineNumber + ", position " + linePosition + ")" : message, innerException)
        {
            this.LineNumber = lineNumber;
            this.LinePosition = linePosition;
        }

        /// <summary>The 1-based line of the offending node, or 0 when unknown.</summary>
        public int LineNumber { get; }

        /// <summary>The 1-based position in that line, or 0 when unknown.</summary>
        public int LinePosition { get; }
    }
}
