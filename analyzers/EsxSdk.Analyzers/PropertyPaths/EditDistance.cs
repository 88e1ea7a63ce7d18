using System;
using System.Collections.Generic;

namespace EsxSdk.Analyzers.PropertyPaths
{
    /// <summary>"Did you mean": the candidate nearest a misspelt name, by optimal-string-alignment distance.</summary>
    internal static class EditDistance
    {
        /// <summary>
        /// The candidate equal to <paramref name="name"/> but for case, else the one fewest edits away (a transposition is
        /// one edit) when that is at most a third of the name's length (at least one, at most three); ties go to the
        /// ordinally first. Null when nothing is near enough.
        /// </summary>
        public static string? Nearest(string name, IEnumerable<string> candidates)
        {
            int limit = Math.Min(3, Math.Max(1, name.Length / 3));
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string candidate in candidates)
            {
                int distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant(), limit) + 1;
                if (distance <= limit + 1 && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best;
        }

        /// <summary>The optimal-string-alignment distance, or <paramref name="limit"/> + 1 once it must exceed the limit.</summary>
        public static int Distance(string a, string b, int limit)
        {
            if (Math.Abs(a.Length - b.Length) > limit)
            {
                return limit + 1;
            }

            var previous2 = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var row = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                row[0] = i;
                int rowMinimum = row[0];
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int value = Math.Min(Math.Min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, previous2[j - 2] + 1);
                    }

                    row[j] = value;
                    rowMinimum = Math.Min(rowMinimum, value);
                }

                if (rowMinimum > limit)
                {
                    return limit + 1;
                }

                (previous2, previous, row) = (previous, row, previous2);
            }

            return Math.Min(previous[b.Length], limit + 1);
        }
    }
}
