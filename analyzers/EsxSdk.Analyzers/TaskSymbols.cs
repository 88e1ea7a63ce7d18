using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using EsxSdk.Common;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// The runtime's task API as seen by one compilation: looked up once in a compilation-start action, then
    /// shared by the concurrent operation actions. Method classifications are cached per method symbol.
    /// </summary>
    internal sealed class TaskSymbols
    {
        /// <summary>The simple name of a binding's reference type (the runtime's or one generated from a consumer's WSDL).</summary>
        public const string ManagedObjectReferenceName = "ManagedObjectReference";

        private readonly ConcurrentDictionary<IMethodSymbol, MethodRole> roles = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<string, IMethodSymbol>> wrappers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableHashSet<string>?> targets = new(SymbolEqualityComparer.Default);

        private TaskSymbols(Compilation compilation, INamedTypeSymbol starterAttribute)
        {
            this.StarterAttribute = starterAttribute;
            this.WrapperAttribute = compilation.GetTypeByMetadataName(RuntimeNames.Attributes.TaskWrapper);
            this.PrecheckAttribute = compilation.GetTypeByMetadataName(RuntimeNames.Attributes.TaskPrecheck);
            this.RunnerAttribute = compilation.GetTypeByMetadataName(RuntimeNames.Attributes.TaskRunner);
            this.PrecheckClass = compilation.GetTypeByMetadataName(RuntimeNames.Types.TaskPrecheck);
            this.RunnerClass = compilation.GetTypeByMetadataName(RuntimeNames.Types.TaskRunner);
            this.Client = compilation.GetTypeByMetadataName(RuntimeNames.Types.Client);
        }

        public INamedTypeSymbol StarterAttribute { get; }

        public INamedTypeSymbol? WrapperAttribute { get; }

        public INamedTypeSymbol? PrecheckAttribute { get; }

        public INamedTypeSymbol? RunnerAttribute { get; }

        public INamedTypeSymbol? PrecheckClass { get; }

        public INamedTypeSymbol? RunnerClass { get; }

        public INamedTypeSymbol? Client { get; }

        /// <summary>The task API of the compilation, or null when it does not reference the EsxSdk runtime.</summary>
        public static TaskSymbols? Create(Compilation compilation)
            => compilation.GetTypeByMetadataName(RuntimeNames.Attributes.TaskStarter) is { } starter ? new TaskSymbols(compilation, starter) : null;

        /// <summary>What a method is to the task API (its original definition's attributes decide).</summary>
        public MethodRole RoleOf(IMethodSymbol method) => this.roles.GetOrAdd(method.ReducedFrom ?? method.OriginalDefinition, this.Classify);

        /// <summary>The operation named by a [VimTaskStarter] or [VimTaskWrapper] attribute, e.g. PowerOnVM_Task.</summary>
        public string? OperationOf(IMethodSymbol method)
        {
            foreach (AttributeData attribute in (method.ReducedFrom ?? method.OriginalDefinition).GetAttributes())
            {
                if ((SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, this.StarterAttribute)
                     || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, this.WrapperAttribute))
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string operation)
                {
                    return operation;
                }
            }

            return null;
        }

        /// <summary>
        /// The parameter names of the VMs a starter acts on, as its <c>[VimTaskStarter(Targets = ...)]</c> records them
        /// (<c>this</c> for <c>@this</c>); null when the attribute does not say (an older binding).
        /// </summary>
        public ImmutableHashSet<string>? TargetsOf(IMethodSymbol method) => this.targets.GetOrAdd(method.ReducedFrom ?? method.OriginalDefinition, this.ReadTargets);

        /// <summary>The question-aware wrapper of <paramref name="operation"/> on <paramref name="type"/>, if the binding has one.</summary>
        public IMethodSymbol? WrapperFor(INamedTypeSymbol type, string operation)
            => this.wrappers.GetOrAdd(type, this.IndexWrappers).TryGetValue(operation, out IMethodSymbol? wrapper) ? wrapper : null;

        /// <summary>A type's wrappers by operation, built once per type (VimService has hundreds of members).</summary>
        private ImmutableDictionary<string, IMethodSymbol> IndexWrappers(INamedTypeSymbol type)
        {
            ImmutableDictionary<string, IMethodSymbol>.Builder index = ImmutableDictionary.CreateBuilder<string, IMethodSymbol>(StringComparer.Ordinal);
            if (this.WrapperAttribute is null)
            {
                return index.ToImmutable();
            }

            foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (this.RoleOf(method) == MethodRole.Wrapper && this.OperationOf(method) is { } operation && !index.ContainsKey(operation))
                {
                    index.Add(operation, method);
                }
            }

            return index.ToImmutable();
        }

        private ImmutableHashSet<string>? ReadTargets(IMethodSymbol method)
        {
            foreach (AttributeData attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, this.StarterAttribute))
                {
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == RuntimeNames.AttributeProperties.Targets && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
                        {
                            return named.Value.Values.Select(v => v.Value as string).OfType<string>().ToImmutableHashSet(StringComparer.Ordinal);
                        }
                    }
                }
            }

            return null;
        }

        private MethodRole Classify(IMethodSymbol method)
        {
            foreach (AttributeData attribute in method.GetAttributes())
            {
                INamedTypeSymbol? type = attribute.AttributeClass;
                if (SymbolEqualityComparer.Default.Equals(type, this.StarterAttribute))
                {
                    return MethodRole.Starter;
                }

                if (type is not null && SymbolEqualityComparer.Default.Equals(type, this.WrapperAttribute))
                {
                    return MethodRole.Wrapper;
                }

                if (type is not null && SymbolEqualityComparer.Default.Equals(type, this.PrecheckAttribute))
                {
                    return MethodRole.Precheck;
                }

                if (type is not null && SymbolEqualityComparer.Default.Equals(type, this.RunnerAttribute))
                {
                    return MethodRole.Runner;
                }
            }

            // Runtimes before the [VimTaskPrecheck] mark: the one public pre-check by name.
            if (method.Name == RuntimeNames.Methods.EnsureNotBlockedAsync && SymbolEqualityComparer.Default.Equals(method.ContainingType, this.PrecheckClass))
            {
                return MethodRole.Precheck;
            }

            if (method.Name == RuntimeNames.Methods.RunTaskAsync && SymbolEqualityComparer.Default.Equals(method.ContainingType, this.RunnerClass))
            {
                return MethodRole.Runner;
            }

            return MethodRole.None;
        }
    }

    /// <summary>What a method is to the task API.</summary>
    internal enum MethodRole
    {
        None,

        /// <summary>A raw starter: returns the task reference at once, checks and waits for nothing.</summary>
        Starter,

        /// <summary>A question-aware wrapper: pre-checks, starts and waits.</summary>
        Wrapper,

        /// <summary>A pre-check of a target for pending questions and tasks.</summary>
        Precheck,

        /// <summary>The task runner: pre-checks, calls a start delegate and waits.</summary>
        Runner,
    }
}
