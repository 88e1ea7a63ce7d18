using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>
    /// What the managed-object model tells the linker: the managed object types declaring each method, and the types a
    /// VirtualMachine is (itself and its bases). Several model files are one model, read in path order; a type defined
    /// twice keeps its first definition. Without a model it knows no method.
    /// </summary>
    internal sealed class ManagedObjectIndex
    {
        private const string VirtualMachineType = "VirtualMachine";

        private readonly Dictionary<string, List<string>> declaringTypes;
        private readonly Dictionary<string, List<ManagedMethodDecl>> methods;
        private readonly HashSet<string> virtualMachineTypes;

        private ManagedObjectIndex(List<ManagedObjectTypeDecl> types, Dictionary<string, List<string>> declaringTypes, Dictionary<string, List<ManagedMethodDecl>> methods, HashSet<string> virtualMachineTypes)
        {
            this.Types = types;
            this.declaringTypes = declaringTypes;
            this.methods = methods;
            this.virtualMachineTypes = virtualMachineTypes;
        }

        /// <summary>The managed object types, each once (its first definition), in the order the files define them.</summary>
        public IReadOnlyList<ManagedObjectTypeDecl> Types { get; }

        /// <summary>Whether there is a model (a readable file with at least one type).</summary>
        public bool HasModel => this.Types.Count > 0;

        public static ManagedObjectIndex Build(ImmutableArray<ManagedObjectDocument> documents)
        {
            var types = new Dictionary<string, ManagedObjectTypeDecl>(StringComparer.Ordinal);
            foreach (ManagedObjectTypeDecl type in documents.OrderBy(d => d.Path, StringComparer.Ordinal).SelectMany(d => d.Types))
            {
                if (!types.ContainsKey(type.Name))
                {
                    types.Add(type.Name, type);
                }
            }

            var declaringTypes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var methods = new Dictionary<string, List<ManagedMethodDecl>>(StringComparer.Ordinal);
            foreach (ManagedObjectTypeDecl type in types.Values)
            {
                foreach (ManagedMethodDecl method in type.Methods)
                {
                    if (!declaringTypes.TryGetValue(method.Name, out List<string>? owners))
                    {
                        declaringTypes.Add(method.Name, owners = new List<string>());
                        methods.Add(method.Name, new List<ManagedMethodDecl>());
                    }

                    owners.Add(type.Name);
                    methods[method.Name].Add(method);
                }
            }

            return new ManagedObjectIndex(types.Values.ToList(), declaringTypes, methods, SelfAndBases(VirtualMachineType, types));
        }

        /// <summary>
        /// Whether the operation's <c>_this</c> may be a VirtualMachine: the model says the operation is a method of
        /// VirtualMachine or of a type it derives from (ManagedEntity.Destroy_Task: the runtime then keeps the VMs among
        /// the objects it is called on), or the model does not know the operation (or there is none), so it may be.
        /// </summary>
        public bool ThisMayBeVirtualMachine(string operation)
            => !this.declaringTypes.TryGetValue(operation, out List<string>? owners) || owners.Any(this.virtualMachineTypes.Contains);

        /// <summary>
        /// The model's task result of a <c>*_Task</c> operation: true when the model records the operation as a task (the
        /// first declaring type's record), with its result (null: none).
        /// </summary>
        public bool TryGetTaskResult(string operation, out ManagedTypeRef? result)
        {
            result = null;
            if (!this.methods.TryGetValue(operation, out List<ManagedMethodDecl>? decls) || decls.FirstOrDefault(m => m.IsTask) is not { } task)
            {
                return false;
            }

            result = task.TaskResult;
            return true;
        }

        /// <summary>The managed object types declaring the operation, with its <c>since</c> and privilege in each.</summary>
        public EquatableArray<ManagedMethodOrigin> Origins(string operation)
            => this.methods.TryGetValue(operation, out List<ManagedMethodDecl>? decls)
                ? decls.Select((m, i) => new ManagedMethodOrigin(this.declaringTypes[operation][i], m.Since, m.Privilege)).ToEquatableArray()
                : EquatableArray<ManagedMethodOrigin>.Empty;

        /// <summary>The type and its bases as the model chains them (a cycle in a hand-edited file ends the walk).</summary>
        private static HashSet<string> SelfAndBases(string name, Dictionary<string, ManagedObjectTypeDecl> types)
        {
            var chain = new HashSet<string>(StringComparer.Ordinal);
            for (string? current = name; current != null && chain.Add(current);)
            {
                current = types.TryGetValue(current, out ManagedObjectTypeDecl? type) ? type.Base : null;
            }

            return chain;
        }
    }
}
