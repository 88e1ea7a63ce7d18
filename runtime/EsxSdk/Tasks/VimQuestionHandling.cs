using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tasks
{
    /// <summary>
    /// The one home of what the pre-check, the waiter and the wrappers share about questions: which targets are VMs,
    /// deciding by the policy (a policy's own failure is a refusal that keeps its error), and answering (a question gone
    /// by then is not an error).
    /// </summary>
    internal static class VimQuestionHandling
    {
        /// <summary>Whether <paramref name="reference"/> is a VM: questions and the pre-check's question read apply to VMs.</summary>
        public static bool IsVirtualMachine(ManagedObjectReference reference) => reference.Type == "VirtualMachine";

        /// <summary>
        /// The policy's decision. A policy that fails (a callback that throws, an answer that names none of the choices or
        /// several) refuses with the reason, and the error is returned to be kept as the inner exception.
        /// </summary>
        public static (QuestionDecision Decision, Exception? Error) Decide(QuestionPolicy policy, VimQuestion question)
        {
            try
            {
                return (policy.Decide(question), null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (QuestionDecision.Refuse("the policy " + policy + " gave no usable answer (" + ex.Message + ")"), ex);
            }
        }

        /// <summary>
        /// Answers <paramref name="question"/> on <paramref name="vm"/> (AnswerVM, ridden through an outage) and logs it at Information.
        /// A question that is gone by then (answered elsewhere, or replaced by a new one) is not an error: the outcome says so and
        /// carries the question pending now, if any. A fault while the same question is still pending is raised.
        /// </summary>
        public static async Task<AnswerOutcome> AnswerAsync(VimClient client, ManagedObjectReference vm, VimQuestion question, VimQuestionChoice choice, string reason, CancellationToken cancellationToken)
        {
            try
            {
                await client.Outages.RideOutAsync(ct => client.Service.AnswerVMAsync(vm, question.Id, choice.Key, ct), "answering the question on " + vm, cancellationToken).ConfigureAwait(false);
            }
            catch (VimFaultException ex)
            {
                VimQuestion? now = await CurrentQuestionAsync(client, vm, cancellationToken).ConfigureAwait(false);
                if (now is not null && now.Id == question.Id)
                {
                    throw;
                }

                if (client.Logger is { } log)
                {
                    VimClientLog.QuestionAnsweredElsewhere(log, question.ToString(), vm.ToString(), ex.FaultTypeName);
                }

                return new AnswerOutcome(false, now);
            }

            if (client.Logger is { } logger)
            {
                VimClientLog.QuestionAnswered(logger, question.ToString(), vm.ToString(), choice.ToString(), reason);
            }

            return new AnswerOutcome(true, null);
        }

        /// <summary>The question pending on <paramref name="vm"/> now, or null.</summary>
        public static async Task<VimQuestion?> CurrentQuestionAsync(VimClient client, ManagedObjectReference vm, CancellationToken cancellationToken)
        {
            IReadOnlyDictionary<string, object?> now = await client.Outages.RideOutAsync(
                _ => client.GetPropertiesAsync(vm, "runtime.question"), "reading the question on " + vm, cancellationToken).ConfigureAwait(false);
            return now.GetValueOrDefault("runtime.question") is VirtualMachineQuestionInfo info ? VimQuestion.From(info, vm) : null;
        }
    }

    /// <summary>What became of an answer: given, or the question was gone (with the question pending now, if any).</summary>
    internal sealed record AnswerOutcome(bool Answered, VimQuestion? Pending);
}
