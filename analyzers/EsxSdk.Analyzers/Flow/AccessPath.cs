using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>
    /// What a target expression names, by symbols rather than text: a root (local, parameter, field or property of
    /// <c>this</c> or static, or <c>this</c> itself) and the member and element accesses after it
    /// (<c>holder.Vm</c>, <c>vms[i]</c>, <c>this.vms[0]</c>). Two paths are equal when they read the same storage,
    /// as long as none of their symbols is written in between (the flow analysis kills facts on writes).
    /// </summary>
    internal sealed class AccessPath : IEquatable<AccessPath>
    {
        /// <summary>The root standing for <c>this</c> (a path of no symbol: only its steps tell paths apart).</summary>
        private static readonly object ThisRoot = new();

        private readonly object root;
        private readonly ImmutableArray<object> steps;
        private readonly int hash;

        private AccessPath(object root, ImmutableArray<object> steps)
        {
            this.root = root;
            this.steps = steps;
            int hash = HashOf(root);
            foreach (object step in steps)
            {
                hash = unchecked((hash * 31) + HashOf(step));
            }

            this.hash = hash;
        }

        /// <summary>The local or parameter this path starts from, if it is one (a copy source or a loop variable).</summary>
        public ISymbol? Variable => this.steps.IsEmpty && this.root is ILocalSymbol or IParameterSymbol ? (ISymbol)this.root : null;

        /// <summary>The root symbol (null for <c>this</c>).</summary>
        public ISymbol? Root => this.root as ISymbol;

        /// <summary>This path is an element of another (<c>vms[i]</c>): the collection's path, else null.</summary>
        public AccessPath? ElementOf => !this.steps.IsEmpty && this.steps[this.steps.Length - 1] is ElementStep ? new AccessPath(this.root, this.steps.RemoveAt(this.steps.Length - 1)) : null;

        /// <summary>The last member access of the path (<c>Service</c> of <c>client.Service</c>), else null.</summary>
        public ISymbol? LastMember => this.steps.IsEmpty ? null : this.steps[this.steps.Length - 1] as ISymbol;

        /// <summary>The path before its last member access (<c>client</c> of <c>client.Service</c>), else null.</summary>
        public AccessPath? Owner => this.LastMember is null ? null : new AccessPath(this.root, this.steps.RemoveAt(this.steps.Length - 1));

        /// <summary>The path of a local or parameter itself.</summary>
        public static AccessPath OfVariable(ISymbol variable) => new(variable, ImmutableArray<object>.Empty);

        /// <summary>
        /// The path a target expression names, or null when it is computed (a call, a conditional, a <c>new</c>).
        /// <paramref name="captures"/> resolves the control flow graph's captured values.
        /// </summary>
        public static AccessPath? Of(IOperation? operation, Func<CaptureId, AccessPath?>? captures = null)
        {
            switch (operation)
            {
                case IConversionOperation conversion when conversion.Conversion.IsIdentity || conversion.Conversion.IsReference || conversion.Conversion.IsNullable || conversion.IsImplicit:
                    return Of(conversion.Operand, captures);
                case IParenthesizedOperation parenthesized:
                    return Of(parenthesized.Operand, captures);
                case IFlowCaptureReferenceOperation capture:
                    return captures?.Invoke(capture.Id);
                case ILocalReferenceOperation local:
                    return new AccessPath(local.Local, ImmutableArray<object>.Empty);
                case IParameterReferenceOperation parameter:
                    return new AccessPath(parameter.Parameter, ImmutableArray<object>.Empty);
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return new AccessPath(ThisRoot, ImmutableArray<object>.Empty);
                case IFieldReferenceOperation field:
                    return Member(field.Instance, field.Field, captures);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    return Member(property.Instance, property.Property, captures);
                case IPropertyReferenceOperation indexer:
                    return Element(indexer.Instance, indexer.Arguments.Select(a => a.Value), captures);
                case IArrayElementReferenceOperation element:
                    return Element(element.ArrayReference, element.Indices, captures);
                default:
                    return null;
            }
        }

        /// <summary>Whether <paramref name="symbol"/> is read anywhere on this path (root, member or index).</summary>
        public bool Mentions(ISymbol symbol)
            => SymbolEqualityComparer.Default.Equals(this.root as ISymbol, symbol) || this.steps.Any(s => StepMentions(s, symbol));

        /// <summary>This path with its prefix <paramref name="prefix"/> replaced by <paramref name="replacement"/>; null when it does not start with it.</summary>
        public AccessPath? Replace(AccessPath prefix, AccessPath replacement)
        {
            if (!RootEquals(this.root, prefix.root) || prefix.steps.Length > this.steps.Length)
            {
                return null;
            }

            for (int i = 0; i < prefix.steps.Length; i++)
            {
                if (!StepEquals(this.steps[i], prefix.steps[i]))
                {
                    return null;
                }
            }

            return new AccessPath(replacement.root, replacement.steps.AddRange(this.steps.Skip(prefix.steps.Length)));
        }

        public bool Equals(AccessPath? other)
        {
            if (other is null || other.hash != this.hash || other.steps.Length != this.steps.Length || !RootEquals(this.root, other.root))
            {
                return false;
            }

            for (int i = 0; i < this.steps.Length; i++)
            {
                if (!StepEquals(this.steps[i], other.steps[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => this.Equals(obj as AccessPath);

        public override int GetHashCode() => this.hash;

        public override string ToString()
        {
            var text = new StringBuilder(this.root is ISymbol symbol ? symbol.Name : "this");
            foreach (object step in this.steps)
            {
                text.Append(step is ISymbol member ? "." + member.Name : step.ToString());
            }

            return text.ToString();
        }

        /// <summary><c>x.Member</c>: an instance member of a path, or a root (a static member, or a member of <c>this</c>).</summary>
        private static AccessPath? Member(IOperation? instance, ISymbol member, Func<CaptureId, AccessPath?>? captures)
        {
            if (instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                // this.vm and vm name the same field.
                return new AccessPath(member, ImmutableArray<object>.Empty);
            }

            return Of(instance, captures) is { } owner ? new AccessPath(owner.root, owner.steps.Add(member)) : null;
        }

        /// <summary><c>x[i]</c>: every index a constant or itself a path.</summary>
        private static AccessPath? Element(IOperation? collection, System.Collections.Generic.IEnumerable<IOperation> indices, Func<CaptureId, AccessPath?>? captures)
        {
            if (Of(collection, captures) is not { } owner)
            {
                return null;
            }

            var keys = ImmutableArray.CreateBuilder<object>();
            foreach (IOperation index in indices)
            {
                if (index.ConstantValue is { HasValue: true, Value: { } constant })
                {
                    keys.Add(constant);
                }
                else if (Of(index, captures) is { } indexPath)
                {
                    keys.Add(indexPath);
                }
                else
                {
                    return null;
                }
            }

            return new AccessPath(owner.root, owner.steps.Add(new ElementStep(keys.ToImmutable())));
        }

        private static bool RootEquals(object first, object second)
            => first is ISymbol a && second is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : ReferenceEquals(first, second);

        private static bool StepEquals(object first, object second) => (first, second) switch
        {
            (ISymbol a, ISymbol b) => SymbolEqualityComparer.Default.Equals(a, b),
            (ElementStep a, ElementStep b) => a.Equals(b),
            _ => false,
        };

        private static bool StepMentions(object step, ISymbol symbol) => step switch
        {
            ISymbol member => SymbolEqualityComparer.Default.Equals(member, symbol),
            ElementStep element => element.Keys.Any(k => k is AccessPath path && path.Mentions(symbol)),
            _ => false,
        };

        private static int HashOf(object part) => part switch
        {
            ISymbol symbol => SymbolEqualityComparer.Default.GetHashCode(symbol),
            _ => part.GetHashCode(),
        };

        /// <summary>An element access's indexes: constants or paths.</summary>
        private sealed class ElementStep : IEquatable<ElementStep>
        {
            public ElementStep(ImmutableArray<object> keys) => this.Keys = keys;

            public ImmutableArray<object> Keys { get; }

            public bool Equals(ElementStep? other) => other is not null && other.Keys.SequenceEqual(this.Keys);

            public override bool Equals(object? obj) => this.Equals(obj as ElementStep);

            public override int GetHashCode() => this.Keys.Aggregate(17, (h, k) => unchecked((h * 31) + k.GetHashCode()));

            public override string ToString() => "[" + string.Join(", ", this.Keys) + "]";
        }
    }
}
