namespace EsxSdk.Generator.Model
{
    /// <summary>A method parameter, filling one member of the operation's request type.</summary>
    internal sealed record ParameterModel(string CSharpName, PropertyModel Member);

    /// <summary>
    /// A port type operation: the request element and type, parameters in signature order (required first, each
    /// group in wire order), the response class and its <c>returnval</c> member (null for operations without a
    /// result), the declared faults, and for a <c>*_Task</c> operation its <see cref="TaskTargets"/>: the C# names of
    /// the parameters naming the VMs the task acts on, in signature order (empty when it acts on none), which its raw
    /// starter records for the analyzers and its wrapper pre-checks. <see cref="Origins"/>: the managed object types the
    /// model says declare it, with its <c>since</c> and privilege (empty without a model).
    /// </summary>
    internal sealed record OperationModel(
        string WireName,
        string MethodName,
        string RequestElement,
        string RequestTypeName,
        EquatableArray<ParameterModel> Parameters,
        string ResponseTypeName,
        PropertyModel? Return,
        EquatableArray<string> Faults,
        EquatableArray<string> TaskTargets,
        TaskWrapperModel? TaskWrapper = null,
        EquatableArray<ManagedMethodOrigin> Origins = default)
    {
        public bool IsTask => this.WireName.EndsWith("_Task", System.StringComparison.Ordinal);
    }

    /// <summary>What a <c>*_Task</c> operation's <c>info.result</c> holds, as far as the API reference says.</summary>
    internal enum TaskResultShape
    {
        /// <summary>Not documented here: the wrapper returns the result as <c>object?</c>.</summary>
        Unknown,

        /// <summary>The task has no result: the wrapper returns a plain Task.</summary>
        None,

        /// <summary>One object of <see cref="TaskWrapperModel.ResultTypeName"/>, always present on success.</summary>
        Single,

        /// <summary>An array of <see cref="TaskWrapperModel.ResultTypeName"/> (empty when absent).</summary>
        Array,
    }

    /// <summary>
    /// The question-aware wrapper of a <c>*_Task</c> operation: its method name, the result it returns and what that
    /// result is (from the API reference; empty when undocumented), the name of its task-options parameter, and the
    /// reference type its VM candidates (the operation's <see cref="OperationModel.TaskTargets"/>) are of.
    /// </summary>
    internal sealed record TaskWrapperModel(
        string MethodName,
        TaskResultShape Shape,
        string ResultTypeName,
        string ResultDescription,
        string OptionsParameter,
        string ReferenceTypeName);
}
