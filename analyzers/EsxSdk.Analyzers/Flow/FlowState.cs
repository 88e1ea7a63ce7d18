using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Analyzers.Flow
{
    /// <summary>The facts at one point of a function, with the questions the rule asks of them.</summary>
    internal sealed class FlowState
    {
        /// <summary>How many aliases of one path are followed (copies of copies): enough for real code, bounded for the IDE.</summary>
        private const int MaxAliases = 16;

        public FlowState(IEnumerable<Fact> facts) => this.Facts = new HashSet<Fact>(facts);

        public HashSet<Fact> Facts { get; }

        public static ImmutableHashSet<Fact> Empty => ImmutableHashSet<Fact>.Empty;

        /// <summary>
        /// What holds after two paths merge: the facts both have, plus implications where they disagree on a flag
        /// (<c>if (flag) check;</c> leaves "flag implies checked" for a later <c>if (flag) start;</c>).
        /// </summary>
        public static ImmutableHashSet<Fact> Meet(ImmutableHashSet<Fact> first, ImmutableHashSet<Fact> second)
        {
            ImmutableHashSet<Fact> common = first.Intersect(second);
            if (common.Count == first.Count && common.Count == second.Count)
            {
                return common;
            }

            ImmutableHashSet<Fact>.Builder result = common.ToBuilder();
            foreach (Fact flag in first.Where(f => f.Kind == FactKind.Flag))
            {
                if (!second.Contains(Fact.Flag(flag.Variable!, !flag.Value)))
                {
                    continue;
                }

                foreach (Fact onlyFirst in first.Except(second).Where(f => f.Kind is not (FactKind.Flag or FactKind.Implied)))
                {
                    result.Add(Fact.Implied(flag.Variable!, flag.Value, onlyFirst));
                }

                foreach (Fact onlySecond in second.Except(first).Where(f => f.Kind is not (FactKind.Flag or FactKind.Implied)))
                {
                    result.Add(Fact.Implied(flag.Variable!, !flag.Value, onlySecond));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>Every path naming the same value as <paramref name="path"/> here, through copies in either direction.</summary>
        public List<AccessPath> Aliases(AccessPath path)
        {
            var aliases = new List<AccessPath> { path };
            Fact[] copies = this.Facts.Where(f => f.Kind == FactKind.Copy).ToArray();
            for (int i = 0; i < aliases.Count && aliases.Count < MaxAliases; i++)
            {
                foreach (Fact copy in copies)
                {
                    AccessPath variable = AccessPath.OfVariable(copy.Variable!);
                    foreach (AccessPath? alias in new[] { aliases[i].Replace(variable, copy.Path!), aliases[i].Replace(copy.Path!, variable) })
                    {
                        if (alias is not null && !aliases.Contains(alias))
                        {
                            aliases.Add(alias);
                        }
                    }
                }
            }

            return aliases;
        }

        /// <summary>Whether an awaited pre-check of <paramref name="target"/> through a matching client holds here, and no start since.</summary>
        public bool IsChecked(AccessPath target, AccessPath? client)
        {
            List<AccessPath> aliases = this.Aliases(target);
            if (aliases.Any(a => this.Facts.Contains(Fact.Consumed(a))))
            {
                return false;
            }

            foreach (AccessPath alias in aliases)
            {
                if (this.Facts.Any(f => f.Kind == FactKind.Checked && f.Path!.Equals(alias) && this.SameClient(f.Client, client)))
                {
                    return true;
                }

                if (alias.ElementOf is { } collection && this.IsAllChecked(collection))
                {
                    return true;
                }

                if (alias.Variable is { } variable
                    && this.Facts.Any(f => f.Kind == FactKind.ElementOf && SymbolEqualityComparer.Default.Equals(f.Variable, variable) && this.IsAllChecked(f.Path!)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether every element of the collection had a pre-check.</summary>
        public bool IsAllChecked(AccessPath collection)
            => this.Aliases(collection).Any(a => this.Facts.Contains(Fact.AllChecked(a)));

        /// <summary>Records an awaited pre-check: for the target and each of its aliases (so a later write to one alias leaves the others).</summary>
        public void AddChecked(AccessPath target, AccessPath? client)
        {
            foreach (AccessPath alias in this.Aliases(target))
            {
                this.Facts.Add(Fact.Checked(alias, client));
                this.Facts.Remove(Fact.Consumed(alias));
                if (alias.Variable is { } variable)
                {
                    // The element a foreach is visiting is checked: the loop's "every element so far" holds again.
                    foreach (Fact loop in this.Facts.Where(f => f.Kind == FactKind.Loop && SymbolEqualityComparer.Default.Equals(f.Variable, variable)).ToArray())
                    {
                        this.Facts.Remove(loop);
                        this.Facts.Add(Fact.Loop(loop.Path!, loop.Capture!.Value, null));
                    }
                }
            }
        }

        /// <summary>Records a raw start on the target: its check is used up.</summary>
        public void Consume(AccessPath target)
        {
            foreach (AccessPath alias in this.Aliases(target))
            {
                this.Facts.RemoveWhere(f => f.Kind == FactKind.Checked && f.Path!.Equals(alias));
                this.Facts.Add(Fact.Consumed(alias));
            }
        }

        /// <summary>A write to <paramref name="symbol"/>: every fact naming it is stale.</summary>
        public void Kill(ISymbol symbol) => this.Facts.RemoveWhere(f => f.Mentions(symbol));

        /// <summary>A branch on a boolean variable was taken with <paramref name="value"/>: its implications now hold.</summary>
        public void AssumeFlag(ISymbol flag, bool value)
        {
            foreach (Fact implied in this.Facts.Where(f => f.Kind == FactKind.Implied && SymbolEqualityComparer.Default.Equals(f.Variable, flag)).ToArray())
            {
                this.Facts.Remove(implied);
                if (implied.Value == value)
                {
                    this.Facts.Add(implied.Inner!);
                }
            }

            this.Facts.Remove(Fact.Flag(flag, !value));
            this.Facts.Add(Fact.Flag(flag, value));
        }

        public ImmutableHashSet<Fact> ToImmutable() => this.Facts.ToImmutableHashSet();

        /// <summary>Clients match when either is unknown or they are the same value.</summary>
        private bool SameClient(AccessPath? checkedThrough, AccessPath? startedThrough)
            => checkedThrough is null || startedThrough is null || this.Aliases(startedThrough).Contains(checkedThrough);
    }
}
