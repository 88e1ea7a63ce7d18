namespace EsxSdk.Properties
{
    /// <summary>
    /// Nothing in the inventory matched an inventory path or a name (raised by the finder's single-result lookups:
    /// <c>VimFinder.FindAsync</c>, <c>VimFinder.FindByNameAsync</c>, <c>VimFinder.UseDatacenterAsync</c>).
    /// </summary>
    public sealed class VimNotFoundException : VimException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="query">The inventory path or name that was looked up.</param>
        /// <param name="type">The managed object type asked for, or null for any type.</param>
        /// <param name="message">What matched nothing, and where.</param>
        public VimNotFoundException(string query, string? type, string message)
            : base(message, operation: null)
        {
            this.Query = query;
            this.Type = type;
        }

        /// <summary>The inventory path or name that was looked up.</summary>
        public string Query { get; }

        /// <summary>The managed object type asked for, or null for any type.</summary>
        public string? Type { get; }
    }
}
