namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// The generator's MSBuild inputs: the C# namespace, a rejected VimNamespace value if any, and whether to emit
    /// the question-aware wrappers of <c>*_Task</c> operations (only for the binding the runtime's task runner uses).
    /// </summary>
    internal sealed record GeneratorOptions(string CSharpNamespace, string? RejectedNamespace, bool EmitTaskWrappers = false);
}
