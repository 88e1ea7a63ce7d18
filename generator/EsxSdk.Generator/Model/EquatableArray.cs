using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EsxSdk.Generator.Model
{
    /// <summary>
    /// An immutable array with structural equality, so pipeline models compare by content and the
    /// incremental generator can cache them.
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly EquatableArray<T> Empty = new(ImmutableArray<T>.Empty);

        private readonly ImmutableArray<T> items;

        public EquatableArray(ImmutableArray<T> items) => this.items = items;

        public EquatableArray(IEnumerable<T> items) => this.items = items.ToImmutableArray();

        public ImmutableArray<T> AsImmutableArray() => this.items.IsDefault ? ImmutableArray<T>.Empty : this.items;

        public int Count => this.AsImmutableArray().Length;

        public T this[int index] => this.AsImmutableArray()[index];

        public bool Equals(EquatableArray<T> other) => this.AsImmutableArray().AsSpan().SequenceEqual(other.AsImmutableArray().AsSpan());

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && this.Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = 17;
                foreach (T item in this.AsImmutableArray())
                {
                    hash = (hash * 31) + (item?.GetHashCode() ?? 0);
                }

                return hash;
            }
        }

        public ImmutableArray<T>.Enumerator GetEnumerator() => this.AsImmutableArray().GetEnumerator();

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)this.AsImmutableArray()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)this.AsImmutableArray()).GetEnumerator();

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new(items);
    }
}
