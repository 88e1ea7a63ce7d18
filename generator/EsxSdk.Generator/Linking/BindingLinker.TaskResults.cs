using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>The result type of each <c>*_Task</c> operation: the model's <c>taskResult</c>, else the hand-kept table.</summary>
    internal sealed partial class BindingLinker
    {
        private const string StringType = "string";

        /// <summary>
        /// What <paramref name="operation"/>'s <c>info.result</c> holds: the managed-object model's <c>taskResult</c> when the
        /// model records the operation as a task (a managed type is a ManagedObjectReference on the wire), with the table's
        /// sentence when the table agrees and a generic one otherwise; else <see cref="KnownTaskResults"/> (no model, or
        /// an operation the model does not list). A primitive other than string stays untyped.
        /// </summary>
        private KnownTaskResult TaskResultOf(string operation)
        {
            KnownTaskResult table = KnownTaskResults.Of(operation);
            if (!this.managedObjects.TryGetTaskResult(operation, out ManagedTypeRef? result))
            {
                return table;
            }

            if (result == null)
            {
                return new KnownTaskResult(TaskResultShape.None, string.Empty, string.Empty, FromModel: true);
            }

            TaskResultShape shape = result.IsArray ? TaskResultShape.Array : TaskResultShape.Single;
            string wireType = result.Kind switch
            {
                "managed" => ManagedObjectReferenceType,
                "data" => result.Name,
                "primitive" when result.Name == StringType => StringType,
                _ => string.Empty,
            };
            if (wireType.Length == 0)
            {
                return new KnownTaskResult(TaskResultShape.Unknown, string.Empty, string.Empty);
            }

            if (table.Shape == shape && table.WireType == wireType)
            {
                return table with { FromModel = true };
            }

            string description = result.Kind == "managed"
                ? (result.IsArray ? "References to the resulting " + result.Name + " objects" : "The reference to the resulting " + result.Name)
                : (result.IsArray ? "The task's results (" + result.Name + ")" : "The task's result (" + result.Name + ")");
            return new KnownTaskResult(shape, wireType, description, FromModel: true);
        }
    }
}
