using System;

namespace EsxSdk.Xml
{
    /// <summary>
    /// A small lossy cache of the short strings one reader made, so a value that comes again (a device label, a guest
    /// OS name, a network name: a retrieve over many objects repeats them) shares the first one's string instead of
    /// adding a copy to the graph. Direct-mapped by hash, a slot replaced on a miss: memory stays bounded whatever the
    /// document holds, and a document built to collide only costs misses (CommunityToolkit's StringPool in its simplest form).
    /// </summary>
    internal sealed class RecentStrings
    {
        /// <summary>Longer values (paths, descriptions, annotations) repeat less, and comparing them costs more.</summary>
        public const int MaxLength = 64;

        /// <summary>Slots at first (a power of two): 512 bytes, so a small response pays little for the cache.</summary>
        private const int FirstSlotCount = 64;

        /// <summary>Slots at most (a power of two): 8 KB of references, for responses with many objects.</summary>
        private const int MaxSlotCount = 1024;

        private string?[] slots = new string?[FirstSlotCount];

        /// <summary>Misses since the table last grew; a table that misses more than twice its size grows fourfold.</summary>
        private int misses;

        /// <summary>The string of <paramref name="chars"/>: a cached one with the same characters, or a new one, cached.</summary>
        public string GetOrAdd(ReadOnlySpan<char> chars)
        {
            if (chars.IsEmpty || chars.Length > MaxLength)
            {
                return chars.ToString();
            }

            string?[] table = this.slots;
            ref string? slot = ref table[Hash(chars) & (table.Length - 1)];
            if (slot is { } cached && chars.SequenceEqual(cached))
            {
                return cached;
            }

            string made = chars.ToString();
            if (++this.misses > 2 * table.Length && table.Length < MaxSlotCount)
            {
                // A response with more distinct values than the table holds: a bigger one, holding only this value (it is a cache).
                table = this.slots = new string?[table.Length * 4];
                this.misses = 0;
                slot = ref table[Hash(chars) & (table.Length - 1)];
            }

            slot = made;
            return made;
        }

        /// <summary>
        /// Length and four characters (first, last, middle, three quarters): constant time whatever the length, and values
        /// of one family ("Hard disk 1", "Hard disk 2") differ in one of them. A collision costs a miss, nothing else.
        /// </summary>
        private static int Hash(ReadOnlySpan<char> chars)
        {
            int length = chars.Length;
            uint hash = (uint)length * 0x9E3779B1;
            hash = (hash ^ chars[0]) * 0x85EBCA77;
            hash = (hash ^ chars[length - 1]) * 0xC2B2AE3D;
            hash = (hash ^ chars[length >> 1]) * 0x27D4EB2F;
            hash = (hash ^ chars[(length * 3) >> 2]) * 0x165667B1;
            return (int)(hash ^ (hash >> 16));
        }
    }
}
