using Microsoft.CodeAnalysis;

namespace EsxSdk.Analyzers
{
    /// <summary>The analyzers' diagnostic catalogue: IDs ESX0001-ESX0099, each documented in docs/rules.</summary>
    internal static class AnalyzerDescriptors
    {
        public const string RawTaskStartWithoutPrecheckId = "ESX0001";
        public const string TaskReferenceDroppedId = "ESX0002";
        public const string AutoAnswerEnabledId = "ESX0003";
        public const string BlockingOnTaskId = "ESX0004";

        private const string Category = "EsxSdk.Tasks";

        public static readonly DiagnosticDescriptor RawTaskStartWithoutPrecheck = Rule(
            RawTaskStartWithoutPrecheckId,
            "Raw task start without the pre-check for blocked pending tasks",
            "'{0}' starts the task {1} on '{2}' without a pre-check of '{2}' earlier on every path: a pending question or task can block it; use the question-aware wrapper or call EnsureNotBlockedAsync first",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TaskReferenceDropped = Rule(
            TaskReferenceDroppedId,
            "Task reference from a raw starter is dropped",
            "The task reference '{0}' returns is {1}: nothing waits for the task {2} or hears of its questions; wait for it, hand it on, or use the question-aware wrapper",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor AutoAnswerEnabled = Rule(
            AutoAnswerEnabledId,
            "VM questions are answered with their default answer",
            "{0} answers every VM question with its default answer: make that choice explicit where it is made (QuestionPolicy.AnswerWithDefault) or suppress this message with a reason",
            DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor BlockingOnTask = Rule(
            BlockingOnTaskId,
            "Blocking wait on a vSphere task",
            "'{0}' blocks a thread until '{1}' completes, which lasts as long as the vSphere task (or forever on an unanswered question) and deadlocks under a synchronization context; await it instead",
            DiagnosticSeverity.Warning);

        private static DiagnosticDescriptor Rule(string id, string title, string message, DiagnosticSeverity severity)
            => EsxSdk.Common.DiagnosticRules.Rule(id, title, message, Category, severity);
    }
}
