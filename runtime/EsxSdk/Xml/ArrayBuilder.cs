using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace EsxSdk.Xml
{
    /// <summary>
    /// Collects the items of one array in buffers rented from the shared pool, then makes one array of the exact size:
    /// no List growth copies left behind as garbage. Dispose returns the buffer (cleared when it holds references).
    /// </summary>
    internal struct ArrayBuilder<T> : IDisposable
    {
        private const int FirstRentLength = 16;

        private T[]? buffer;
        private int count;

        public ArrayBuilder(T first)
        {
            this.buffer = ArrayPool<T>.Shared.Rent(FirstRentLength);
            this.buffer[0] = first;
            this.count = 1;
        }

        public void Add(T item)
        {
            if (this.buffer is null || this.count == this.buffer.Length)
            {
                this.Grow();
            }

            this.buffer![this.count++] = item;
        }

        /// <summary>The items after what <paramref name="existing"/> holds, in one new array.</summary>
        public readonly T[] ToArray(T[]? existing)
        {
            int before = existing?.Length ?? 0;
            if (before + this.count == 0)
            {
                return [];
            }

            var all = new T[before + this.count];
            existing?.CopyTo(all, 0);
            this.buffer.AsSpan(0, this.count).CopyTo(all.AsSpan(before));
            return all;
        }

        public void Dispose()
        {
            if (this.buffer is { } rented)
            {
                this.buffer = null;
                ArrayPool<T>.Shared.Return(rented, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            }
        }

        private void Grow()
        {
            T[] larger = ArrayPool<T>.Shared.Rent(this.buffer is null ? FirstRentLength : this.buffer.Length * 2);
            if (this.buffer is { } old)
            {
                old.AsSpan(0, this.count).CopyTo(larger);
                ArrayPool<T>.Shared.Return(old, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            }

            this.buffer = larger;
        }
    }
}
