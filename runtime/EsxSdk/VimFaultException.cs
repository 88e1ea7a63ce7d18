using System;
using EsxSdk.Vim25;

namespace EsxSdk
{
    /// <summary>A vim25 call answered with a SOAP fault; <see cref="Fault"/> is the typed fault from the detail.</summary>
    public class VimFaultException : VimException
    {
        /// <summary>Creates the exception.</summary>
        public VimFaultException(string operation, string faultCode, string faultString, MethodFault? fault)
            : this(BuildMessage(operation, faultString, fault), operation, faultCode, faultString, fault)
        {
        }

        /// <summary>Creates the exception with its own message (for faults that arrive other than as a SOAP fault).</summary>
        protected VimFaultException(string message, string operation, string faultCode, string faultString, MethodFault? fault)
            : base(message, operation)
        {
            this.FaultCode = faultCode;
            this.FaultString = faultString;
            this.Fault = fault;
        }

        /// <summary>The SOAP faultcode (e.g. ServerFaultCode).</summary>
        public string FaultCode { get; }

        /// <summary>The server's message.</summary>
        public string FaultString { get; }

        /// <summary>The fault detail (e.g. <see cref="InvalidLogin"/>, <see cref="ManagedObjectNotFound"/>), or null when the server sent none this binding knows.</summary>
        public MethodFault? Fault { get; }

        /// <summary>The wire name of the fault type, or "unknown".</summary>
        public string FaultTypeName => this.Fault is EsxSdk.Xml.IVimXmlSerializable data ? data.XmlTypeName : "unknown";

        private static string BuildMessage(string operation, string faultString, MethodFault? fault)
        {
            string type = fault is EsxSdk.Xml.IVimXmlSerializable data ? data.XmlTypeName : "fault";
            string text = string.IsNullOrWhiteSpace(faultString) ? "(no message)" : faultString;
            return operation + " failed with " + type + ": " + text;
        }
    }
}
