using System;

namespace EsxSdk
{
    /// <summary>The base of the errors EsxSdk raises for vSphere calls.</summary>
    public abstract class VimException : Exception
    {
        /// <summary>Creates the exception.</summary>
        protected VimException(string message, string? operation, Exception? innerException = null)
            : base(message, innerException)
        {
            this.Operation = operation;
        }

        /// <summary>The vim25 operation that failed, when the error belongs to one.</summary>
        public string? Operation { get; }
    }
}
