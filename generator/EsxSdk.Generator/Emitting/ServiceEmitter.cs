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
            w.Open("public sealed partial class " + chunk.ServiceTypeName);
            if (chunk.IsFirst)
            {
                EmitMembers(w, chunk);
            }

            bool first = !chunk.IsFirst;
            foreach (OperationModel operation in chunk.Operations)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                EmitOperation(w, operation);
                if (chunk.EmitTaskWrappers && operation.TaskWrapper != null)
                {
                    w.Line();
                    TaskWrapperEmitter.Emit(w, operation);
                }
            }

            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void EmitMembers(IndentedWriter w, OperationChunk chunk)
        {
            w.Line("/// <summary>The API version of the WSDL this binding was generated from (its SOAP actions' <c>urn:vim25/</c> suffix).</summary>");
            w.Line("public const string WsdlApiVersion = " + Literal(chunk.WsdlApiVersion) + ";");
            w.Line();
            w.Line("private readonly " + Invoker + " invoker;");
            w.Line();
            if (chunk.EmitTaskWrappers)
            {
                EmitTaskHostConstructors(w, chunk.ServiceTypeName);
            }
            else
            {
                w.Line("/// <summary>Creates the service over an invoker (e.g. a connected session).</summary>");
                w.Line("public " + chunk.ServiceTypeName + "(" + Invoker + " invoker) => this.invoker = " + NotNull("invoker") + ";");
            }

            w.Line();
            w.Line("/// <summary>The invoker the operations are sent through.</summary>");
            w.Line("public " + Invoker + " Invoker => this.invoker;");
        }

        /// <summary>
        /// The task host the wrappers run their tasks through (the client's runner, internal to the runtime): only the
        /// client builds its service with one, so a service made on an invoker alone cannot watch tasks.
        /// </summary>
        private static void EmitTaskHostConstructors(IndentedWriter w, string serviceTypeName)
        {
            w.Line("/// <summary>Runs the question-aware wrappers' tasks; null when the service was made on an invoker alone.</summary>");
            w.Line("private readonly " + RuntimeTypes.TaskHost + "? taskHost;");
            w.Line();
            w.Line("/// <summary>Creates the service over an invoker; its question-aware wrappers need a client's service (<c>client.Service</c>).</summary>");
            w.Line("public " + serviceTypeName + "(" + Invoker + " invoker)");
            w.Line("    : this(invoker, null)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>Creates the service over an invoker, with the host that runs its wrappers' tasks (the client).</summary>");
            w.Open("internal " + serviceTypeName + "(" + Invoker + " invoker, " + RuntimeTypes.TaskHost + "? taskHost)");
            w.Line("this.invoker = " + NotNull("invoker") + ";");
            w.Line("this.taskHost = taskHost;");
            w.Close();
        }

        private static string NotNull(string parameter) => parameter + " ?? throw new global::System.ArgumentNullException(nameof(" + parameter + "))";

        private static void EmitOperation(IndentedWriter w, OperationModel operation)
        {
            string returnType = ReturnType(operation);
            string parameters = string.Join(", ", operation.Parameters.Select(ParameterDeclaration).Concat(new[] { CancellationToken + " cancellationToken = default" }));

            w.Line("/// <summary>Calls the vim25 operation <c>" + DocText(operation.WireName) + "</c>.</summary>");
            foreach (ParameterModel parameter in operation.Parameters)
            {
                w.Line("/// <param name=\"" + parameter.CSharpName.TrimStart('@') + "\">Request element <c>" + DocText(parameter.Member.WireName) + "</c>.</param>");
            }

            w.Line("/// <param name=\"cancellationToken\">Stops waiting for the response.</param>");
            if (operation.Faults.Count > 0)
            {
                w.Line("/// <exception cref=\"" + RuntimeTypes.FaultException + "\">The server answered with a fault; declared: " + DocText(string.Join(", ", operation.Faults)) + ".</exception>");
            }

            if (operation.IsTask)
            {
                // Starts the task and returns its reference; the analyzers find raw task starts by this mark.
                w.Line("[" + RuntimeTypes.TaskStarterAttribute + "(" + Literal(operation.WireName) + ")]");
            }

            w.Open("public " + returnType + " " + operation.MethodName + "(" + parameters + ")");
            foreach (ParameterModel parameter in operation.Parameters.Where(p => !IsOptional(p) && (p.Member.IsArray || !p.Member.Type.IsValueType)))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter.CSharpName + ");");
            }

            w.Open("var request = new " + operation.RequestTypeName);
            foreach (ParameterModel parameter in operation.Parameters)
            {
                string value = parameter.Member.IsArray && IsOptional(parameter)
                    ? parameter.CSharpName + " ?? global::System.Array.Empty<" + parameter.Member.Type.TypeName + ">()"
                    : parameter.CSharpName;
                w.Line(parameter.Member.CSharpName + " = " + value + ",");
            }

            w.Close(";");
            string call = "this.invoker." + RuntimeNames.Methods.InvokeAsync + "<" + operation.ResponseTypeName;
            string name = Literal(operation.WireName);
            string element = Literal(operation.RequestElement);
            if (operation.Return is not { } result)
            {
                w.Line("return " + call + ">(" + name + ", " + element + ", request, cancellationToken);");
            }
            else
            {
                string select = IsRequiredReference(result)
                    ? RuntimeTypes.Response + "." + RuntimeNames.Methods.Required + "(response." + result.CSharpName + ", " + name + ")"
                    : "response." + result.CSharpName;
                // Called as a static method: the extension's namespace is not imported in every binding's namespace.
                w.Line("return " + RuntimeTypes.InvokerExtensions + "." + RuntimeNames.Methods.InvokeAsync + "<" + operation.ResponseTypeName + ", " + ResultType(result) + ">(this.invoker, " + name + ", " + element + ", request, static response => " + select + ", cancellationToken);");
            }

            w.Close();
        }

        private static bool IsOptional(ParameterModel parameter) => parameter.Member.IsOptional;

        internal static string ParameterDeclaration(ParameterModel parameter)
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
