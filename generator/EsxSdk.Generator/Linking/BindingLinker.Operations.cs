using System;
using System.Collections.Generic;
using System.Linq;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>Links wsdl:portType operations: message -> element -> request and response classes, faults.</summary>
    internal sealed partial class BindingLinker
    {
        /// <summary>The C# name of the generated class with a method per operation.</summary>
        private const string ServiceTypeName = "VimService";

        private const string ReturnValueElement = "returnval";
        private const string CancellationTokenParameter = "cancellationToken";
        private const string OptionsParameter = "options";
        private const string OptionsParameterOnClash = "taskOptions";
        private const string TaskSuffix = "_Task";
        private const string ThisParameter = "_this";
        private const string VmParameter = "vm";
        private const string ManagedObjectReferenceType = "ManagedObjectReference";

        private static readonly string[] ReservedMethodNames =
        {
            ServiceTypeName, "Invoker", "WsdlApiVersion", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone",
        };

        private List<OperationModel> BuildOperations(List<ClassModel> classes)
        {
            var byName = classes.ToDictionary(c => c.CSharpName, StringComparer.Ordinal);
            var methodNames = new HashSet<string>(ReservedMethodNames, StringComparer.Ordinal);
            var result = new List<OperationModel>();
            foreach (OperationDecl operation in this.operations.OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                ElementDecl? input = this.MessageElement(operation.Input, operation);
                ElementDecl? output = this.MessageElement(operation.Output, operation);
                ClassModel? request = input == null ? null : this.ElementClass(input, operation, byName);
                ClassModel? response = output == null ? null : this.ElementClass(output, operation, byName);
                if (input == null || request == null || response == null)
                {
                    continue;
                }

                var parameterNames = new HashSet<string>(StringComparer.Ordinal) { CancellationTokenParameter };
                var parameters = AllProperties(request, byName)
                    .Select(p => new ParameterModel(CSharpNaming.MakeUnique(CSharpNaming.ToCamelCase(p.WireName), parameterNames, "Value"), p))
                    .ToList();
                EquatableArray<ParameterModel> signature = SignatureOrder(parameters);
                result.Add(new OperationModel(
                    operation.Name,
                    CSharpNaming.MakeUnique(CSharpNaming.ToPascalCase(operation.Name) + "Async", methodNames, "Operation"),
                    input.Name.Name,
                    "global::" + this.csharpNamespace + "." + request.CSharpName,
                    signature,
                    "global::" + this.csharpNamespace + "." + response.CSharpName,
                    response.Properties.FirstOrDefault(p => p.WireName == ReturnValueElement),
                    operation.Faults.Select(f => this.FaultType(f)).Where(t => t != null).Select(t => t!).ToEquatableArray(),
                    this.TaskTargets(operation.Name, signature),
                    Origins: this.managedObjects.Origins(operation.Name)));
            }

            return this.AddTaskWrappers(result, classes, methodNames);
        }

        /// <summary>Required parameters first (C# needs optional ones last), each group in wire order.</summary>
        private static EquatableArray<ParameterModel> SignatureOrder(List<ParameterModel> parameters)
            => parameters.Where(p => !p.Member.IsOptional).Concat(parameters.Where(p => p.Member.IsOptional)).ToEquatableArray();

        /// <summary>
        /// Names each <c>*_Task</c> operation's question-aware wrapper (PowerOnVM_Task -> PowerOnVMAsync) after every
        /// operation has its name, so a wrapper never takes an operation's name; types and describes its documented
        /// result. Without a ManagedObjectReference type (the task reference) there is nothing to wrap.
        /// </summary>
        private List<OperationModel> AddTaskWrappers(List<OperationModel> operations, List<ClassModel> classes, HashSet<string> methodNames)
        {
            var byWireName = classes.Where(c => !c.IsResponse).GroupBy(c => c.WireName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().CSharpName, StringComparer.Ordinal);
            if (!byWireName.TryGetValue(ManagedObjectReferenceType, out string? referenceName))
            {
                return operations;
            }

            string referenceType = "global::" + this.csharpNamespace + "." + referenceName;
            return operations.Select(operation =>
            {
                if (!operation.IsTask)
                {
                    return operation;
                }

                string baseName = operation.WireName.Substring(0, operation.WireName.Length - TaskSuffix.Length);
                string pascal = CSharpNaming.ToPascalCase(baseName);
                string methodName = methodNames.Contains(pascal + "Async")
                    ? CSharpNaming.MakeUnique(pascal + "AndWaitAsync", methodNames, string.Empty)
                    : CSharpNaming.MakeUnique(pascal + "Async", methodNames, string.Empty);
                KnownTaskResult documented = this.TaskResultOf(operation.WireName);
                TaskResultShape shape = documented.Shape;
                string resultType = string.Empty;
                if (KnownTaskResults.IsString(documented.WireType))
                {
                    resultType = "string";
                }
                else if (shape is TaskResultShape.Single or TaskResultShape.Array)
                {
                    if (byWireName.TryGetValue(documented.WireType, out string? csharpName))
                    {
                        resultType = "global::" + this.csharpNamespace + "." + csharpName;
                    }
                    else
                    {
                        // Documented for a version that has the type; this WSDL lacks it: stay untyped (said when the
                        // model named it; the table's few entries predate the model and stay quiet, as before).
                        if (documented.FromModel)
                        {
                            this.diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.ManagedObjectItemSkipped, null, "the task result of " + operation.WireName, documented.WireType));
                        }

                        shape = TaskResultShape.Unknown;
                    }
                }

                string description = shape == TaskResultShape.Unknown ? string.Empty : documented.Description;
                var wrapper = new TaskWrapperModel(methodName, shape, resultType, description, OptionsParameterName(operation), referenceType);
                return operation with { TaskWrapper = wrapper };
            }).ToList();
        }

        /// <summary>The wrapper's task-options parameter: <c>options</c>, unless the operation has a parameter of that name.</summary>
        private static string OptionsParameterName(OperationModel operation)
        {
            var taken = new HashSet<string>(operation.Parameters.Select(p => p.CSharpName), StringComparer.Ordinal) { CancellationTokenParameter };
            return taken.Contains(OptionsParameter) ? CSharpNaming.MakeUnique(OptionsParameterOnClash, taken, string.Empty) : OptionsParameter;
        }

        /// <summary>
        /// The parameters naming the VMs a <c>*_Task</c> operation acts on (none for other operations), in signature order:
        /// <list type="bullet">
        /// <item><c>_this</c>, when it may be a VirtualMachine: the model says the operation is a method of VirtualMachine
        /// or of a base type (ManagedEntity.Destroy_Task), or the model does not know the operation, or there is no model
        /// (the runtime then keeps the VMs among the objects); not for a method of another type
        /// (Datacenter.PowerOnMultiVM_Task, VirtualMachineGuestCustomizationManager.CustomizeGuest_Task);</item>
        /// <item>a <c>vm</c> reference or list (PowerOnMultiVM, MakePrimaryVM, CustomizeGuest), except of Check*/Query*
        /// operations, which only inspect the VM and must work while it is busy.</item>
        /// </list>
        /// </summary>
        private EquatableArray<string> TaskTargets(string operation, EquatableArray<ParameterModel> parameters)
        {
            if (!operation.EndsWith(TaskSuffix, StringComparison.Ordinal))
            {
                return EquatableArray<string>.Empty;
            }

            bool thisMayBeVm = this.managedObjects.ThisMayBeVirtualMachine(operation);
            bool inspects = operation.StartsWith("Check", StringComparison.Ordinal) || operation.StartsWith("Query", StringComparison.Ordinal);
            return parameters
                .Where(p => p.Member.Type.WireType == ManagedObjectReferenceType
                            && ((thisMayBeVm && p.Member.WireName == ThisParameter) || (!inspects && p.Member.WireName == VmParameter)))
                .Select(p => p.CSharpName)
                .ToEquatableArray();
        }

        /// <summary>Fault detail elements (InvalidPropertyFault -> InvalidProperty), for faults sent without xsi:type.</summary>
        private EquatableArray<FaultElementModel> BuildFaultElements(List<ClassModel> classes)
        {
            var faultTypes = new HashSet<string>(classes.Where(c => c.IsFault).Select(c => c.WireName), StringComparer.Ordinal);
            return this.elements.Values
                .Where(e => e.Type != null && faultTypes.Contains(e.Type.Name) && this.complexTypes.ContainsKey(e.Type))
                .Select(e => new FaultElementModel(e.Name.Name, e.Type!.Name))
                .OrderBy(f => f.ElementName, StringComparer.Ordinal)
                .ToEquatableArray();
        }

        /// <summary>The version in the binding's SOAP actions (urn:vim25/7.0.2.0 gives 7.0.2.0): the newest the binding speaks.</summary>
        private string WsdlApiVersion() => this.operations
            .Select(o => o.SoapAction)
            .Where(a => a != null && a.LastIndexOf('/') >= 0)
            .Select(a => a!.Substring(a.LastIndexOf('/') + 1))
            .GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? string.Empty;

        private ElementDecl? MessageElement(QualifiedName messageName, OperationDecl operation)
        {
            if (!this.messages.TryGetValue(messageName, out MessageDecl? message) || message.Element == null)
            {
                this.Report(GeneratorDescriptors.UnknownType, operation.Position, messageName.Name, "operation " + operation.Name);
                return null;
            }

            if (!this.elements.TryGetValue(message.Element, out ElementDecl? element))
            {
                this.Report(GeneratorDescriptors.UnknownType, message.Position, message.Element.Name, "message " + message.Name.Name);
                return null;
            }

            return element;
        }

        private ClassModel? ElementClass(ElementDecl element, OperationDecl operation, Dictionary<string, ClassModel> byName)
        {
            QualifiedName? type = element.Type ?? element.AnonymousType?.Name;
            if (type != null && this.csharpTypeNames.TryGetValue(type, out string? csharpName) && byName.TryGetValue(csharpName, out ClassModel? model))
            {
                return model;
            }

            this.Report(GeneratorDescriptors.UnknownType, element.Position, type?.Name ?? element.Name.Name, "operation " + operation.Name);
            return null;
        }

        private string? FaultType(FaultRef fault)
        {
            return this.messages.TryGetValue(fault.Message, out MessageDecl? message)
                && message.Element != null
                && this.elements.TryGetValue(message.Element, out ElementDecl? element)
                ? element.Type?.Name
                : null;
        }

        /// <summary>A class's members with its ancestors' first, in wire order.</summary>
        private static IEnumerable<PropertyModel> AllProperties(ClassModel type, Dictionary<string, ClassModel> byName)
        {
            var chain = new Stack<ClassModel>();
            for (ClassModel? current = type; current != null; current = current.BaseCSharpName != null && byName.TryGetValue(current.BaseCSharpName, out ClassModel? b) ? b : null)
            {
                chain.Push(current);
            }

            return chain.SelectMany(c => c.Properties);
        }
    }
}
