using System.Collections.Generic;
using System.Linq;

namespace EsxSdk.Properties
{
    /// <summary>What an inventory path matched, or where it stopped matching: the text of a not-found error.</summary>
    internal sealed class VimInventoryPathResult
    {
        private const int NamedParents = 5;

        private readonly string path;
        private readonly string? type;
        private readonly VimInventoryItem start;
        private string? failedElement;
        private IReadOnlyList<VimInventoryItem> failedParents = [];
        private int matchedBeforeType;

        public VimInventoryPathResult(string path, string? type, VimInventoryItem start)
        {
            this.path = path;
            this.type = type;
            this.start = start;
        }

        /// <summary>The objects the path matched, of the wanted type.</summary>
        public IReadOnlyList<VimInventoryItem> Matches { get; private set; } = [];

        /// <summary>Records the element that matched nothing below the objects matched so far.</summary>
        public void StoppedAt(string element, IReadOnlyList<VimInventoryItem> parents)
        {
            this.failedElement = element;
            this.failedParents = parents;
        }

        /// <summary>Records what the whole path matched, keeping those of the wanted type.</summary>
        public void Matched(IReadOnlyList<VimInventoryItem> items)
        {
            this.matchedBeforeType = items.Count;
            this.Matches = items.Where(i => VimInventoryTypes.IsA(i.Type, this.type)).ToList();
        }

        /// <summary>Why nothing was found: the element and where it was looked for, or the type the matches did not have.</summary>
        public string Describe()
        {
            string what = "Nothing" + (this.type is null ? string.Empty : " of type " + this.type) + " matches the inventory path '" + this.path + "'"
                + (this.path.StartsWith('/') ? string.Empty : " (relative to " + this.start.Path + ")");
            if (this.failedElement is not null)
            {
                string where = string.Join(", ", this.failedParents.Take(NamedParents).Select(p => p.Path))
                    + (this.failedParents.Count > NamedParents ? " and " + (this.failedParents.Count - NamedParents) + " more" : string.Empty);
                return what + ": nothing in " + where + " matches '" + this.failedElement + "'.";
            }

            return what + ": it matches " + this.matchedBeforeType + " object(s), none of them a " + this.type + ".";
        }
    }
}
