using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using EsxSdk.Testing;
using EsxSdk.Vim25;
using EsxSdk.Xml;

namespace EsxSdk.Tests.Support
{
    /// <summary>A SOAP response captured from vcsim (tests/data/vcsim), read with the generated binding.</summary>
    internal sealed class CapturedResponse
    {
        private const string SoapNamespace = "http://schemas.xmlsoap.org/soap/envelope/";

        private CapturedResponse(string fileName, IReadOnlyList<object> returnValues, IReadOnlyList<string> skipped)
        {
            this.FileName = fileName;
            this.ReturnValues = returnValues;
            this.SkippedElements = skipped;
        }

        public string FileName { get; }

        public IReadOnlyList<object> ReturnValues { get; }

        public IReadOnlyList<string> SkippedElements { get; }

        public static string PathOf(string fileName) => Path.Combine(TestPaths.TestDataRoot, "vcsim", fileName);

        /// <summary>Reads every <c>returnval</c> of the response body as <typeparamref name="T"/>.</summary>
        public static CapturedResponse Read<T>(string fileName, string declaredType)
            where T : class, IVimXmlSerializable
        {
            using XmlReader xml = XmlReader.Create(PathOf(fileName), VimXmlSerializer.CreateReaderSettings());
            return ReadFrom<T>(xml, fileName, declaredType);
        }

        /// <summary>As <see cref="Read{T}(string, string)"/>, through a reader the caller made over the file.</summary>
        public static CapturedResponse ReadFrom<T>(XmlReader xml, string fileName, string declaredType)
            where T : class, IVimXmlSerializable
        {
            var reader = new VimXmlReader(xml, VimTypeRegistry.Instance);
            MoveToBodyContent(xml);
            var values = new List<object>();
            reader.ReadElements(values, (list, r) =>
            {
                if (r.LocalName != "returnval")
                {
                    return false;
                }

                list.Add(r.ReadObject<T>(declaredType));
                return true;
            });
            return new CapturedResponse(fileName, values, reader.SkippedElements);
        }

        /// <summary>Opens the file with the reader on the response element inside the SOAP Body.</summary>
        public static (XmlReader Xml, VimXmlReader Reader) OpenBody(string fileName)
        {
            XmlReader xml = XmlReader.Create(PathOf(fileName), VimXmlSerializer.CreateReaderSettings());
            MoveToBodyContent(xml);
            return (xml, new VimXmlReader(xml, VimTypeRegistry.Instance));
        }

        /// <summary>Reads the fault detail's first element as a MethodFault (by its xsi:type).</summary>
        public static (string FaultString, MethodFault Fault) ReadFault(string fileName)
        {
            using XmlReader xml = XmlReader.Create(PathOf(fileName), VimXmlSerializer.CreateReaderSettings());
            var reader = new VimXmlReader(xml, VimTypeRegistry.Instance);
            MoveToBodyContent(xml);
            if (xml.LocalName != "Fault" || xml.NamespaceURI != SoapNamespace)
            {
                throw new InvalidDataException(fileName + " holds no SOAP fault");
            }

            string faultString = string.Empty;
            MethodFault? fault = null;
            reader.ReadElements(reader, (_, r) =>
            {
                switch (r.LocalName)
                {
                    case "faultstring":
                        faultString = r.ReadString();
                        return true;
                    case "detail":
                        r.ReadElements(r, (_, d) =>
                        {
                            fault ??= d.ReadObject<MethodFault>("MethodFault");
                            return true;
                        });
                        return true;
                    default:
                        return false;
                }
            });
            return (faultString, fault ?? throw new InvalidDataException(fileName + " has no fault detail"));
        }

        private static void MoveToBodyContent(XmlReader xml)
        {
            xml.MoveToContent();
            if (!xml.ReadToDescendant("Body", SoapNamespace))
            {
                throw new InvalidDataException("No SOAP Body");
            }

            xml.Read();
            if (xml.MoveToContent() != XmlNodeType.Element)
            {
                throw new InvalidDataException("Empty SOAP Body");
            }
        }
    }
}
