using System.Collections.Generic;
using System.Linq;

namespace EsxSdk.Properties
{
    /// <summary>
    /// An inventory path or a name that should name one object matched several (raised by the finder's single-result lookups
    /// and by <c>FindVirtualMachineByNameAsync</c> / <c>FindByNameAsync</c>); <see cref="Matches"/> lists them.
    /// </summary>
    public sealed class VimAmbiguousException : VimException
    {
        /// <summary>Creates the exception; the message names the query and every match.</summary>
        /// <param name="query">The inventory path or name that was looked up.</param>
        /// <param name="type">The managed object type asked for, or null for any type.</param>
        /// <param name="matches">Everything that matched.</param>
        public VimAmbiguousException(string query, string? type, IReadOnlyList<VimInventoryItem> matches)
            : base(BuildMessage(query, type, matches), operation: null)
        {
            this.Query = query;
            this.Type = type;
            this.Matches = matches;
        }

        /// <summary>The inventory path or name that was looked up.</summary>
        public string Query { get; }

        /// <summary>The managed object type asked for, or null for any type.</summary>
        public string? Type { get; }

        /// <summary>Every object that matched, with its inventory path.</summary>
        public IReadOnlyList<VimInventoryItem> Matches { get; }

        private static string BuildMessage(string query, string? type, IReadOnlyList<VimInventoryItem> matches)
            => "'" + query + "' matches " + matches.Count + " " + (type ?? "object") + "s where one was expected: "
                + string.Join(", ", matches.Select(m => m.ToString()))
                + "; use a more specific inventory path, or list them all.";
    }
}
