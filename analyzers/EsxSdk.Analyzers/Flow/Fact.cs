using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>What a fact says (see the factory methods of <see cref="Fact"/>).</summary>
    internal enum FactKind
    {
        Checked,
        AllChecked,
        Copy,
        ElementOf,
        PendingCheck,
        Loop,
        Consumed,
        Started,
        Flag,
        Implied,
    }

    /// <summary>
    /// One thing known to hold at a point of a function, on every path to it (the flow analysis is a must-analysis:
    /// states meet by intersection). Facts name storage by <see cref="AccessPath"/> and are killed when a symbol they
    /// mention is written.
    /// </summary>
    internal sealed class Fact : IEquatable<Fact>
    {
        private Fact(FactKind kind, AccessPath? path, AccessPath? client, ISymbol? variable, bool value = false, CaptureId? capture = null, Fact? inner = null)
        {
            this.Kind = kind;
            this.Path = path;
            this.Client = client;
            this.Variable = variable;
            this.Value = value;
            this.Capture = capture;
            this.Inner = inner;
        }

        public FactKind Kind { get; }

        /// <summary>The target, collection or source the fact is about.</summary>
        public AccessPath? Path { get; }

        /// <summary>The VimClient a pre-check went through; null when not known (matches any client).</summary>
        public AccessPath? Client { get; }

        /// <summary>The local or parameter the fact is about (a copy, a loop variable, a task, a flag).</summary>
        public ISymbol? Variable { get; }

        /// <summary>A flag's value.</summary>
        public bool Value { get; }

        /// <summary>A foreach loop's enumerator.</summary>
        public CaptureId? Capture { get; }

        /// <summary>The fact an implication holds when its flag has its value.</summary>
        public Fact? Inner { get; }

        /// <summary>The target had an awaited pre-check (through <paramref name="client"/>) since it was last written or started.</summary>
        public static Fact Checked(AccessPath target, AccessPath? client) => new(FactKind.Checked, target, client, null);

        /// <summary>Every element of the collection had an awaited pre-check (a foreach with a check, a WhenAll of checks).</summary>
        public static Fact AllChecked(AccessPath collection) => new(FactKind.AllChecked, collection, null, null);

        /// <summary>The variable holds the value <paramref name="source"/> has (<c>var target = vm;</c>).</summary>
        public static Fact Copy(ISymbol variable, AccessPath source) => new(FactKind.Copy, source, null, variable);

        /// <summary>The variable is the current element of a foreach over the collection.</summary>
        public static Fact ElementOf(ISymbol variable, AccessPath collection) => new(FactKind.ElementOf, collection, null, variable);

        /// <summary>The variable holds the Task of a pre-check of the target, not awaited yet.</summary>
        public static Fact PendingCheck(ISymbol task, AccessPath target, AccessPath? client) => new(FactKind.PendingCheck, target, client, task);

        /// <summary>
        /// A foreach over the collection has checked every element it visited (<paramref name="current"/> null), or every
        /// element before <paramref name="current"/>; turns into <see cref="AllChecked"/> when the loop ends normally.
        /// </summary>
        public static Fact Loop(AccessPath collection, CaptureId enumerator, ISymbol? current) => new(FactKind.Loop, collection, null, current, capture: enumerator);

        /// <summary>A raw starter has started a task on the target since its last check: a second start needs a new check.</summary>
        public static Fact Consumed(AccessPath target) => new(FactKind.Consumed, target, null, null);

        /// <summary>The variable holds the reference of a task started on the target; waiting for it makes the target checked again.</summary>
        public static Fact Started(ISymbol task, AccessPath target, AccessPath? client) => new(FactKind.Started, target, client, task);

        /// <summary>The boolean local or parameter has this value here (a branch on it was taken).</summary>
        public static Fact Flag(ISymbol variable, bool value) => new(FactKind.Flag, null, null, variable, value);

        /// <summary><paramref name="inner"/> holds whenever the flag has <paramref name="value"/> (a check behind <c>if (flag)</c>).</summary>
        public static Fact Implied(ISymbol flag, bool value, Fact inner) => new(FactKind.Implied, null, null, flag, value, inner: inner);

        /// <summary>Whether a write to <paramref name="symbol"/> makes the fact stale.</summary>
        public bool Mentions(ISymbol symbol)
            => SymbolEqualityComparer.Default.Equals(this.Variable, symbol)
               || (this.Path?.Mentions(symbol) ?? false)
               || (this.Client?.Mentions(symbol) ?? false)
               || (this.Inner?.Mentions(symbol) ?? false);

        public bool Equals(Fact? other)
            => other is not null
               && other.Kind == this.Kind
               && other.Value == this.Value
               && Equals(other.Path, this.Path)
               && Equals(other.Client, this.Client)
               && SymbolEqualityComparer.Default.Equals(other.Variable, this.Variable)
               && Equals(other.Capture, this.Capture)
               && Equals(other.Inner, this.Inner);

        public override bool Equals(object? obj) => this.Equals(obj as Fact);

        public override int GetHashCode()
        {
            int hash = (int)this.Kind;
            hash = unchecked((hash * 31) + (this.Path?.GetHashCode() ?? 0));
            hash = unchecked((hash * 31) + (this.Client?.GetHashCode() ?? 0));
            hash = unchecked((hash * 31) + (this.Variable is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(this.Variable)));
            hash = unchecked((hash * 31) + (this.Value ? 1 : 0));
            hash = unchecked((hash * 31) + (this.Capture?.GetHashCode() ?? 0));
            return unchecked((hash * 31) + (this.Inner?.GetHashCode() ?? 0));
        }

        public override string ToString() => this.Kind + "(" + string.Join(", ", new object?[] { this.Variable?.Name, this.Path, this.Client, this.Kind == FactKind.Flag || this.Kind == FactKind.Implied ? this.Value : null, this.Inner }) + ")";
    }
}
