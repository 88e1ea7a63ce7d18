using System;
using System.Collections.Generic;
using System.Linq;

namespace EsxSdk.Properties
{
    /// <summary>
    /// What the property collector returned for one object, and what was asked for: the values by path (unset properties
    /// are absent), and the requested paths (null when all properties were asked for). A view reads its properties from it.
    /// </summary>
    public sealed class VimRetrievedProperties
    {
        private readonly IReadOnlyDictionary<string, object?> values;
        private readonly HashSet<string>? requested;

        /// <summary>Records a retrieval.</summary>
        /// <param name="values">The values by property path, as the property collector's <c>propSet</c> gave them.</param>
        /// <param name="requestedPaths">The paths asked for; null when all properties were (<c>PropertySpec.all</c>).</param>
        public VimRetrievedProperties(IReadOnlyDictionary<string, object?> values, IEnumerable<string>? requestedPaths)
        {
            ArgumentNullException.ThrowIfNull(values);
            this.values = values;
            this.requested = requestedPaths?.ToHashSet(StringComparer.Ordinal);
        }

        /// <summary>Whether all properties were asked for rather than a chosen set.</summary>
        public bool All => this.requested is null;

        /// <summary>The paths that came back with a value (unset properties are not among them).</summary>
        public IEnumerable<string> ReturnedPaths => this.values.Keys;

        /// <summary>
        /// Whether <paramref name="path"/> was retrieved: asked for by name, or a top-level property when all were asked
        /// for. A nested path (<c>runtime.powerState</c>) counts only when asked for itself.
        /// </summary>
        /// <param name="path">A property path.</param>
        public bool IsRetrieved(string path)
            => this.values.ContainsKey(path) || (this.requested is null ? !path.Contains('.', StringComparison.Ordinal) : this.requested.Contains(path));

        /// <summary>The raw value of a retrieved path (null when unset).</summary>
        /// <param name="path">A property path.</param>
        /// <param name="objectName">The object, for the error message.</param>
        /// <exception cref="InvalidOperationException">The path was not retrieved.</exception>
        public object? Value(string path, string objectName)
        {
            if (this.values.TryGetValue(path, out object? value))
            {
                return value;
            }

            return this.IsRetrieved(path)
                ? null
                : throw new InvalidOperationException(
                    "The property '" + path + "' of " + objectName + " was not retrieved; ask for it by its path (or for all properties) when reading the view.");
        }
    }
}
