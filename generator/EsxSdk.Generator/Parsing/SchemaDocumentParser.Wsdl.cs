using System.Collections.Generic;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Parsing
{
    /// <summary>The WSDL 1.1 part: imports, types, messages, port type operations and their SOAP actions.</summary>
    internal sealed partial class SchemaDocumentParser
    {
        private void ParseDefinitions()
        {
            string targetNamespace = this.reader.GetAttribute("targetNamespace") ?? string.Empty;
            foreach (string child in this.Children())
            {
                switch (this.reader.NamespaceURI == XmlNamespaces.Wsdl ? child : null)
                {
                    case "import":
                        this.AddReference(ReferenceKind.WsdlImport, "location");
                        break;
                    case "types":
                        this.ParseTypes();
                        break;
                    case "message":
                        this.ParseMessage(targetNamespace);
                        break;
                    case "portType":
                        this.ParsePortType();
                        break;
                    case "binding":
                        this.ParseBinding();
                        break;
                    case "service":
                    case "documentation":
                        // The endpoint address comes from the caller, never from the WSDL.
                        this.reader.Skip();
                        break;
                    default:
                        this.Unsupported("a WSDL definitions child");
                        break;
                }
            }
        }

        private void ParseTypes()
        {
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI == XmlNamespaces.Schema && child == "schema")
                {
                    this.ParseSchema();
                }
                else if (this.reader.NamespaceURI == XmlNamespaces.Wsdl && child == "documentation")
                {
                    this.reader.Skip();
                }
                else
                {
                    this.Unsupported("a WSDL types child");
                }
            }
        }

        private void ParseMessage(string targetNamespace)
        {
            SourcePosition position = this.Position();
            string? name = this.RequiredAttribute("name");
            QualifiedName? element = null;
            int parts = 0;
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI == XmlNamespaces.Wsdl && child == "part")
                {
                    parts++;
                    if (parts > 1)
                    {
                        this.Unsupported("a second message part; document/literal messages have one");
                        continue;
                    }

                    element = this.QualifiedNameAttribute("element", required: true);
                    this.reader.Skip();
                }
                else
                {
                    this.SkipDocumentationOrReport("a WSDL message child");
                }
            }

            if (name != null)
            {
                this.messages.Add(new MessageDecl(new QualifiedName(targetNamespace, name), element, position));
            }
        }

        private void ParsePortType()
        {
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI != XmlNamespaces.Wsdl || child != "operation")
                {
                    this.SkipDocumentationOrReport("a WSDL portType child");
                    continue;
                }

                SourcePosition position = this.Position();
                string? name = this.RequiredAttribute("name");
                QualifiedName? input = null;
                QualifiedName? output = null;
                var faults = new List<FaultRef>();
                foreach (string part in this.Children())
                {
                    switch (this.reader.NamespaceURI == XmlNamespaces.Wsdl ? part : null)
                    {
                        case "input":
                            input = this.QualifiedNameAttribute("message", required: true);
                            this.reader.Skip();
                            break;
                        case "output":
                            output = this.QualifiedNameAttribute("message", required: true);
                            this.reader.Skip();
                            break;
                        case "fault":
                            string? faultName = this.RequiredAttribute("name");
                            QualifiedName? faultMessage = this.QualifiedNameAttribute("message", required: true);
                            if (faultName != null && faultMessage != null)
                            {
                                faults.Add(new FaultRef(faultName, faultMessage));
                            }

                            this.reader.Skip();
                            break;
                        default:
                            this.SkipDocumentationOrReport("a WSDL operation child");
                            break;
                    }
                }

                if (name != null && input != null && output != null)
                {
                    this.portTypeOperations.Add(new PortTypeOperation(name, input, output, faults, position));
                }
                else if (name != null && (input == null || output == null))
                {
                    this.Report(GeneratorDescriptors.UnsupportedConstruct, position, "operation", "operation '" + name + "' needs both input and output");
                }
            }
        }

        private void ParseBinding()
        {
            foreach (string child in this.Children())
            {
                if (this.reader.NamespaceURI == XmlNamespaces.Wsdl && child == "operation")
                {
                    string? name = this.reader.GetAttribute("name");
                    foreach (string part in this.Children())
                    {
                        if (this.reader.NamespaceURI == XmlNamespaces.WsdlSoap && part == "operation" && name != null)
                        {
                            string? action = this.reader.GetAttribute("soapAction");
                            if (action != null)
                            {
                                this.soapActions[name] = action;
                            }
                        }

                        this.reader.Skip();
                    }
                }
                else
                {
                    // soap:binding and documentation carry nothing the generated client needs.
                    this.reader.Skip();
                }
            }
        }
    }
}
