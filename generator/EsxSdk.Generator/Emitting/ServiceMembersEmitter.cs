using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>Emits the service's members (in its first part): the WSDL's API version, the invoker, the constructors.</summary>
    internal static class ServiceMembersEmitter
    {
        private const string Invoker = RuntimeTypes.Invoker;

        public static void Emit(IndentedWriter w, OperationChunk chunk)
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
    }
}
