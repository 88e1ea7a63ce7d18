using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>
    /// Reading one property failed on the server (RetrievePropertiesEx's <c>missingSet</c>): <see cref="VimFaultException.Fault"/>
    /// is the typed fault (e.g. <see cref="NoPermission"/>, <see cref="InvalidProperty"/>), <see cref="PropertyPath"/> the property.
    /// An unset property is not an error: it is simply absent.
    /// </summary>
    public sealed class VimPropertyFaultException : VimFaultException
    {
        /// <summary>Creates the exception.</summary>
        public VimPropertyFaultException(ManagedObjectReference obj, string propertyPath, LocalizedMethodFault? fault)
            : base(Describe(obj, propertyPath, fault), "RetrievePropertiesEx", "ServerFaultCode", fault?.LocalizedMessage ?? string.Empty, fault?.Fault)
        {
            this.Object = obj;
            this.PropertyPath = propertyPath;
        }

        /// <summary>The object whose property could not be read.</summary>
        public ManagedObjectReference Object { get; }

        /// <summary>The property path (e.g. <c>runtime.question</c>).</summary>
        public string PropertyPath { get; }

        /// <summary>The privilege the server says is missing (<see cref="NoPermission.PrivilegeId"/>), if it names one.</summary>
        public string? PrivilegeId => (this.Fault as NoPermission)?.PrivilegeId;

        private static string Describe(ManagedObjectReference obj, string path, LocalizedMethodFault? fault)
        {
            string type = fault?.Fault is EsxSdk.Xml.IVimXmlSerializable data ? data.XmlTypeName : "an unknown fault";
            string privilege = fault?.Fault is NoPermission { PrivilegeId: { Length: > 0 } id } && fault.Fault is not NotAuthenticated ? " (missing privilege " + id + ")" : string.Empty;
            string text = fault?.LocalizedMessage is { Length: > 0 } message ? ": " + message : string.Empty;
            return "Reading " + path + " of " + obj + " failed with " + type + privilege + text;
        }
    }
}
