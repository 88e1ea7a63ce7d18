using EsxSdk.Vim25;
using EsxSdk.Xml;

namespace EsxSdk.Transport
{
    /// <summary>A SOAP 1.1 fault as vSphere sends it: code, string, and the typed vim25 fault from the detail.</summary>
    internal sealed record SoapFault(string Code, string Text, MethodFault? Detail)
    {
        /// <summary>Reads the Fault element the reader is on.</summary>
        public static SoapFault Read(VimXmlReader reader)
        {
            string code = string.Empty;
            string text = string.Empty;
            MethodFault? detail = null;
            reader.ReadElements(reader, (_, r) =>
            {
                switch (r.LocalName)
                {
                    case "faultcode":
                        code = r.ReadString();
                        return true;
                    case "faultstring":
                        text = r.ReadString();
                        return true;
                    case "detail":
                        r.ReadElements(r, (_, d) =>
                        {
                            detail ??= ReadDetail(d);
                            return detail is not null;
                        });
                        return true;
                    default:
                        return false;
                }
            });
            return new SoapFault(code, text, detail);
        }

        /// <summary>By xsi:type when present, else by the detail element's name (InvalidLoginFault is an InvalidLogin).</summary>
        private static MethodFault? ReadDetail(VimXmlReader reader)
        {
            string declared = reader.Registry.FaultTypeOfElement(reader.LocalName) ?? "MethodFault";
            return reader.Registry.CreateObject(declared) is MethodFault ? reader.ReadObject<MethodFault>(declared) : null;
        }
    }
}
