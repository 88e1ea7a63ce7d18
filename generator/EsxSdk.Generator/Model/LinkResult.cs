namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// What linking yields: the binding to emit (null when there is nothing to emit: no WSDL, or an error, since half a
    /// binding only buries the real error under compiler errors) and the diagnostics, projected apart by the pipeline.
    /// </summary>
    internal sealed record LinkResult(BindingModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
