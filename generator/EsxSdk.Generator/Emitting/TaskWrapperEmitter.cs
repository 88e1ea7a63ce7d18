using System.Collections.Generic;
using System.Linq;
using EsxSdk.Common;
using EsxSdk.Generator.Model;
using static EsxSdk.Generator.Emitting.EmitHelpers;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// Emits the question-aware wrapper of a <c>*_Task</c> operation (PowerOnVM_Task -> PowerOnVMAsync): the raw
    /// starter's parameters plus task options, run through the runtime's task runner, returning the typed result.
    /// Only for the binding the runtime's runner is compiled against (MSBuild property <c>VimTaskWrappers</c>).
    /// </summary>
    internal static class TaskWrapperEmitter
    {
        private const string Support = RuntimeTypes.TaskWrapperSupport;
        private const string Options = RuntimeTypes.TaskOptions;
        private const string Task = "global::System.Threading.Tasks.Task";

        public static void Emit(IndentedWriter w, OperationModel operation)
        {
            TaskWrapperModel wrapper = operation.TaskWrapper!;
            string options = wrapper.OptionsParameter;
            string faults = ServiceEmitter.DeclaredFaults(operation);

            w.Line("/// <summary>");
            w.Line("/// Runs the vim25 task <c>" + DocText(operation.WireName) + "</c> through the question-aware task runner and waits for it:");
            w.Line("/// a VM target with a pending question or task is reported (or its question answered, by the policy) and no task is");
            w.Line("/// started; questions the task asks while running are answered or reported by the policy. The raw starter is");
            w.Line("/// <see cref=\"" + operation.MethodName + "\"/>.");
            w.Line("/// </summary>");
            ServiceEmitter.EmitParameterDocs(w, operation);
            w.Line("/// <param name=\"" + options + "\">Question policy, progress and time-out; null takes the client's (its URI's <c>auto_answer</c>).</param>");
            w.Line("/// <param name=\"cancellationToken\">Stops waiting, and cancels the task on the server when it is cancelable.</param>");
            w.Line("/// <returns>" + ResultDoc(wrapper) + "</returns>");
            w.Line("/// <exception cref=\"" + RuntimeTypes.BlockedException + "\">A target had a pending question or task; nothing was started.</exception>");
            w.Line("/// <exception cref=\"" + RuntimeTypes.QuestionException + "\">The task asked a question the policy did not answer.</exception>");
            if (faults.Length > 0)
            {
                w.Line("/// <exception cref=\"" + RuntimeTypes.FaultException + "\">The server refused to start the task; declared faults: " + faults + ".</exception>");
                w.Line("/// <exception cref=\"" + RuntimeTypes.TaskFailedException + "\">The task ended in error; its typed fault is attached (declared: " + faults + ").</exception>");
            }
            else
            {
                w.Line("/// <exception cref=\"" + RuntimeTypes.TaskFailedException + "\">The task ended in error (its typed fault is attached).</exception>");
            }

            ServiceEmitter.EmitOriginDocs(w, operation);
            ServiceEmitter.EmitTaskAttribute(w, RuntimeTypes.TaskWrapperAttribute, operation);
            w.OpenList("public " + ReturnType(wrapper) + " " + wrapper.MethodName, ServiceEmitter.ParameterDeclarations(operation, Options + "? " + options + " = null"));
            ServiceEmitter.EmitNullChecks(w, operation);
            string start = "token => this." + operation.MethodName + "(" + string.Join(", ", operation.Parameters.Select(p => p.CSharpName).Concat(new[] { "token" })) + ")";
            string[] arguments = { "this.taskHost", Literal(operation.WireName), Targets(operation), start, options, "cancellationToken" };
            w.List("return " + Support + "." + RunMethod(wrapper), arguments, ";");
            w.Close();
        }

        /// <summary>
        /// The VM candidates to pre-check: the operation's targets, the very list its attributes record (the runtime keeps
        /// the VirtualMachine ones, since <c>_this</c> may be another object when the model does not say).
        /// </summary>
        private static string Targets(OperationModel operation)
        {
            string reference = operation.TaskWrapper!.ReferenceTypeName;
            var singles = new List<string>();
            var lists = new List<string>();
            foreach (string name in operation.TaskTargets)
            {
                ParameterModel parameter = operation.Parameters.First(p => p.CSharpName == name);
                if (parameter.Member.IsArray)
                {
                    lists.Add(parameter.Member.IsOptional ? "(" + name + " ?? global::System.Array.Empty<" + reference + ">())" : name);
                }
                else
                {
                    singles.Add(name);
                }
            }

            if (singles.Count == 0 && lists.Count == 0)
            {
                return "global::System.Array.Empty<" + reference + "?>()";
            }

            string? result = singles.Count == 0 ? null : "new " + reference + "?[] { " + string.Join(", ", singles) + " }";
            foreach (string list in lists)
            {
                result = result == null ? list : "global::System.Linq.Enumerable.Concat(" + result + ", " + list + ")";
            }

            return result!;
        }

        private static string RunMethod(TaskWrapperModel wrapper) => wrapper.Shape switch
        {
            TaskResultShape.Single => RuntimeNames.Methods.RunSingleAsync + "<" + wrapper.ResultTypeName + ">",
            TaskResultShape.Array => RuntimeNames.Methods.RunArrayAsync + "<" + wrapper.ResultTypeName + ">",
            _ => RuntimeNames.Methods.RunAsync,
        };

        private static string ReturnType(TaskWrapperModel wrapper) => wrapper.Shape switch
        {
            TaskResultShape.None => Task,
            TaskResultShape.Single => Task + "<" + wrapper.ResultTypeName + ">",
            TaskResultShape.Array => Task + "<" + wrapper.ResultTypeName + "[]>",
            _ => Task + "<object?>",
        };

        private static string ResultDoc(TaskWrapperModel wrapper) => wrapper.Shape switch
        {
            TaskResultShape.None => "Completes when the task has succeeded (it has no result).",
            TaskResultShape.Single => DocText(wrapper.ResultDescription) + "; the task's <c>info.result</c>.",
            TaskResultShape.Array => DocText(wrapper.ResultDescription) + "; the task's <c>info.result</c>, empty when the server sent none.",
            _ => "The task's <c>info.result</c> as the server sent it (its type is not documented for this operation), or null.",
        };
    }
}
