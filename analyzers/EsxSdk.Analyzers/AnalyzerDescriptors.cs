using Microsoft.CodeAnalysis;

namespace EsxSdk.Analyzers
{
    /// <summary>The analyzers' diagnostic catalogue: IDs ESX0001-ESX0099 (tasks ESX0001-ESX0004, property paths ESX0005-ESX0006), each documented in docs/rules.</summary>
    internal static class AnalyzerDescriptors
    {
        public const string RawTaskStartWithoutPrecheckId = "ESX0001";
        public const string TaskReferenceDroppedId = "ESX0002";
        public const string AutoAnswerEnabledId = "ESX0003";
        public const string BlockingOnTaskId = "ESX0004";
        public const string UnknownPropertyPathId = "ESX0005";
        public const string TypedPropertyPathAvailableId = "ESX0006";

        private const string Category = "EsxSdk.Tasks";
        private const string PropertiesCategory = "EsxSdk.Properties";

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

        public static readonly DiagnosticDescriptor UnknownPropertyPath = Rule(
            UnknownPropertyPathId,
            "Property path that the managed object type does not have",
            "'{0}' is not a property path of {1}: {2}{3}",
            DiagnosticSeverity.Warning,
            PropertiesCategory);

        public static readonly DiagnosticDescriptor TypedPropertyPathAvailable = Rule(
            TypedPropertyPathAvailableId,
            "Property path string that has a typed path",
            "The property path '{0}' of {1} has a typed path that carries its value type: {2} (its .Path is this string)",
            DiagnosticSeverity.Info,
            PropertiesCategory);

        private static DiagnosticDescriptor Rule(string id, string title, string message, DiagnosticSeverity severity, string category = Category)
            => EsxSdk.Common.DiagnosticRules.Rule(id, title, message, category, severity);
    }
}
