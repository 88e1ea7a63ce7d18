using System.Collections.Generic;
using System.Linq;
using EsxSdk.Common;
using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// Emits the service class: one async method per port type operation, which fills the request type
    /// from its parameters and sends it through the runtime's invoker. Split into partial-class chunks.
    /// </summary>
    internal static class ServiceEmitter
    {
        private const string Invoker = RuntimeTypes.Invoker;
        private const string CancellationToken = "global::System.Threading.CancellationToken";

        public static string Emit(OperationChunk chunk)
        {
            var w = new IndentedWriter();
            FileHeader(w);
            w.Open("namespace " + chunk.CSharpNamespace);
            w.Line("/// <summary>Every operation of the vim25 port type, sent through an <see cref=\"" + Invoker + "\"/> (the session's transport).</summary>");
            if (chunk.IsFirst)
            {
                // One part carries the attribute: it may not repeat on the parts of a partial class.
                w.Line(GeneratedCodeAttribute);
            }

            w.Open("public sealed partial class " + chunk.ServiceTypeName);
            if (chunk.IsFirst)
            {
                ServiceMembersEmitter.Emit(w, chunk);
            }

            bool first = !chunk.IsFirst;
            foreach (OperationModel operation in chunk.Operations)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                bool wrapped = chunk.EmitTaskWrappers && operation.TaskWrapper != null;
                EmitOperation(w, operation, wrapped);
                if (wrapped)
                {
                    w.Line();
                    TaskWrapperEmitter.Emit(w, operation);
                }
            }

            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>The declaration of each parameter, then the cancellation token: the operation's signature.</summary>
        internal static List<string> ParameterDeclarations(OperationModel operation, params string[] extra)
            => operation.Parameters.Select(ParameterDeclaration).Concat(extra).Concat(new[] { CancellationToken + " cancellationToken = default" }).ToList();

        /// <summary><c>ThrowIfNull</c> for every required parameter a caller could pass as null.</summary>
        internal static void EmitNullChecks(IndentedWriter w, OperationModel operation)
        {
            foreach (ParameterModel parameter in operation.Parameters.Where(p => !p.Member.IsOptional && (p.Member.IsArray || !p.Member.Type.IsValueType)))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter.CSharpName + ");");
            }
        }

        /// <summary>The parameters' docs (their request elements).</summary>
        internal static void EmitParameterDocs(IndentedWriter w, OperationModel operation)
        {
            foreach (ParameterModel parameter in operation.Parameters)
            {
                w.Line("/// <param name=\"" + parameter.CSharpName.TrimStart('@') + "\">Request element <c>" + DocText(parameter.Member.WireName) + "</c>.</param>");
            }
        }

        /// <summary>
        /// A task's mark (raw starter or wrapper): its operation and its VM targets, as the parameters' names (<c>this</c>
        /// for <c>@this</c>, as reflection and Roslyn name it). No target is written out as an empty list, so a reader
        /// can tell "nothing to pre-check" from a binding that does not record targets.
        /// </summary>
        internal static void EmitTaskAttribute(IndentedWriter w, string attributeType, OperationModel operation)
        {
            string targets = operation.TaskTargets.Count == 0
                ? "new string[0]"
                : "new[] { " + string.Join(", ", operation.TaskTargets.Select(name => Literal(name.TrimStart('@')))) + " }";
            w.List("[" + attributeType, new[] { Literal(operation.WireName), RuntimeNames.AttributeProperties.Targets + " = " + targets }, "]");
        }

        /// <summary>The operation's declared faults for a doc comment ("A, B"), empty when it declares none.</summary>
        /// <summary>
        /// The managed-object model's word on the operation as remarks: the types declaring it, since which API version,
        /// with which privilege (nothing without a model).
        /// </summary>
        internal static void EmitOriginDocs(IndentedWriter w, OperationModel operation)
        {
            if (operation.Origins.Count == 0)
            {
                return;
            }

            w.Line("/// <remarks>");
            foreach (ManagedMethodOrigin origin in operation.Origins)
            {
                string since = origin.Since == null ? string.Empty : " since vSphere API " + DocText(origin.Since);
                string privilege = origin.Privilege == null ? "no privilege named" : "privilege <c>" + DocText(origin.Privilege) + "</c>";
                w.Line("/// <para>A method of <c>" + DocText(origin.DeclaringType) + "</c>" + since + "; " + privilege + ".</para>");
            }

            w.Line("/// </remarks>");
        }

        internal static string DeclaredFaults(OperationModel operation) => DocText(string.Join(", ", operation.Faults));

        private static void EmitOperation(IndentedWriter w, OperationModel operation, bool wrapped)
        {
            w.Line("/// <summary>Calls the vim25 operation <c>" + DocText(operation.WireName) + "</c>.</summary>");
            EmitParameterDocs(w, operation);
            w.Line("/// <param name=\"cancellationToken\">Stops waiting for the response.</param>");
            if (operation.IsTask)
            {
                string waiter = wrapped ? " (its wrapper <see cref=\"" + operation.TaskWrapper!.MethodName + "\"/> does)" : string.Empty;
                w.Line("/// <returns>The reference to the started task, which runs on: nothing here waits for it or answers its questions" + waiter + ".</returns>");
            }

            if (operation.Faults.Count > 0)
            {
                w.Line("/// <exception cref=\"" + RuntimeTypes.FaultException + "\">The server answered with a fault; declared: " + DeclaredFaults(operation) + ".</exception>");
            }

            EmitOriginDocs(w, operation);
            if (operation.IsTask)
            {
                // Starts the task and returns its reference; the analyzers find raw task starts by this mark.
                EmitTaskAttribute(w, RuntimeTypes.TaskStarterAttribute, operation);
            }

            w.OpenList("public " + ReturnType(operation) + " " + operation.MethodName, ParameterDeclarations(operation));
            EmitNullChecks(w, operation);
            w.Open("var request = new " + operation.RequestTypeName);
            foreach (ParameterModel parameter in operation.Parameters)
            {
                string value = parameter.Member.IsArray && parameter.Member.IsOptional
                    ? parameter.CSharpName + " ?? global::System.Array.Empty<" + parameter.Member.Type.TypeName + ">()"
                    : parameter.CSharpName;
                w.Line(parameter.Member.CSharpName + " = " + value + ",");
            }

            w.Close(";");
            string name = Literal(operation.WireName);
            string element = Literal(operation.RequestElement);
            if (operation.Return is not { } result)
            {
                string send = "return this.invoker." + RuntimeNames.Methods.InvokeAsync + "<" + operation.ResponseTypeName + ">";
                w.List(send, new[] { name, element, "request", "cancellationToken" }, ";");
            }
            else
            {
                string select = IsRequiredReference(result)
                    ? RuntimeTypes.Response + "." + RuntimeNames.Methods.Required + "(response." + result.CSharpName + ", " + name + ")"
                    : "response." + result.CSharpName;

                // Called as a static method: the extension's namespace is not imported in every binding's namespace.
                string send = "return " + RuntimeTypes.InvokerExtensions + "." + RuntimeNames.Methods.InvokeAsync + "<" + operation.ResponseTypeName + ", " + ResultType(result) + ">";
                w.List(send, new[] { "this.invoker", name, element, "request", "static response => " + select, "cancellationToken" }, ";");
            }

            w.Close();
        }

        private static string ParameterDeclaration(ParameterModel parameter)
        {
            PropertyModel member = parameter.Member;
            string type = member.IsArray
                ? member.Type.TypeName + "[]" + (member.IsOptional ? "?" : string.Empty)
                : member.Type.TypeName + (member.IsOptional ? "?" : string.Empty);
            return type + " " + parameter.CSharpName + (member.IsOptional ? " = null" : string.Empty);
        }

        private static bool IsRequiredReference(PropertyModel result) => !result.IsArray && !result.IsOptional && !result.Type.IsValueType;

        private static string ResultType(PropertyModel result) => IsRequiredReference(result) ? result.Type.TypeName : PropertyType(result);

        private static string ReturnType(OperationModel operation) => operation.Return is { } result
            ? "global::System.Threading.Tasks.Task<" + ResultType(result) + ">"
            : "global::System.Threading.Tasks.Task";
    }
}
