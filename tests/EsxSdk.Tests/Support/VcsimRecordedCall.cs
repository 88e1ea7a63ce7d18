namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// One AnswerVM or CancelTask call a -questions peer received (GET /esxsdk/calls). <see cref="Result"/> is
    /// <c>ok</c> or the fault the peer answered with (<c>NotSupported</c>, <c>InvalidState</c>, <c>InvalidArgument:questionId</c>, ...).
    /// </summary>
    public sealed record VcsimRecordedCall(
        string Method, string? Vm, string? VmName, string? QuestionId, string? AnswerChoice, string? Task, string Result);
}
