using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>
    /// Finds inventory objects by inventory path with wildcards, as govc and govmomi's finder do, and by name of any type.
    /// <list type="bullet">
    /// <item>Paths: <c>/DC0/vm/web*</c> is absolute (from the root folder); <c>vm/web*</c> is relative to <see cref="Datacenter"/>,
    /// or to the root folder while no datacenter is set (so <c>DC0/host/*/*</c> works as with SearchIndex.FindByInventoryPath).
    /// Each element is a name or a Go <c>path.Match</c> pattern (<c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>[^0-9]</c>, <c>\</c> escapes);
    /// <c>..</c> goes up one level (above the root folder it stays there); <c>.</c> and empty elements are ignored.</item>
    /// <item>Children of a level: a folder's entries, a datacenter's vm/host/datastore/network folders, a compute resource's
    /// hosts and root resource pool, a resource pool's (or vApp's) child pools and VMs. Each level is one RetrievePropertiesEx
    /// for all the objects matched so far (traversal specs; no container view needed).</item>
    /// <item>By name (<see cref="FindByNameAsync"/>): every object of a type below the datacenter (or the whole inventory), through a
    /// container view when the server has one, else (no view manager, or views refused as unsupported) through traversal specs.</item>
    /// </list>
    /// <see cref="FindAsync"/> and <see cref="FindByNameAsync"/> want exactly one match (<see cref="VimNotFoundException"/>,
    /// <see cref="VimAmbiguousException"/>); <see cref="FindAllAsync"/>, <see cref="ListAsync"/> and <see cref="FindAllByNameAsync"/>
    /// return zero or more. Not thread-safe while <see cref="Datacenter"/> is being changed; one finder per task is cheap.
    /// </summary>
    public sealed class VimFinder
    {
        private readonly VimClient client;
        private VimInventoryItem? datacenter;
        private VimInventoryItem? root;
        private bool containerViewsRefused;

        /// <summary>Creates a finder over the client's inventory, with no datacenter set (relative paths start at the root folder).</summary>
        public VimFinder(VimClient client)
        {
            ArgumentNullException.ThrowIfNull(client);
            this.client = client;
        }

        /// <summary>
        /// The datacenter relative paths and name searches start from; null for the root folder (and the whole inventory).
        /// Set it from a found item (<see cref="FindAsync"/>) or with <see cref="UseDatacenterAsync"/>.
        /// </summary>
        /// <exception cref="ArgumentException">The item is not a Datacenter.</exception>
        public VimInventoryItem? Datacenter
        {
            get => this.datacenter;
            set
            {
                if (value is not null && value.Type != "Datacenter")
                {
                    throw new ArgumentException("The finder's datacenter must be a Datacenter, not " + value + ".", nameof(value));
                }

                this.datacenter = value;
            }
        }

        /// <summary>
        /// Whether name searches may use container views (default true). They are not used anyway when the server has no view manager,
        /// nor after the server refused to create one (NotSupported, NotImplemented, MethodNotFound, or its view manager not found).
        /// </summary>
        public bool UseContainerViews { get; set; } = true;

        /// <summary>
        /// Sets <see cref="Datacenter"/> to the datacenter at <paramref name="path"/> (resolved like <see cref="FindAsync"/>), or, when
        /// <paramref name="path"/> is null, to the inventory's only datacenter; returns it.
        /// </summary>
        /// <exception cref="VimNotFoundException">No datacenter there (or none at all).</exception>
        /// <exception cref="VimAmbiguousException">The path matches several datacenters, or no path was given and there are several.</exception>
        public async Task<VimInventoryItem> UseDatacenterAsync(string? path = null, CancellationToken cancellationToken = default)
        {
            VimInventoryItem found;
            if (path is null)
            {
                IReadOnlyList<VimInventoryItem> all = await this.FindAllOfTypeAsync("Datacenter", name: null, RootFolderOf(this.client), cancellationToken).ConfigureAwait(false);
                found = all.Count switch
                {
                    0 => throw new VimNotFoundException("*", "Datacenter", "The inventory has no datacenter to use as the finder's default."),
                    1 => all[0],
                    _ => throw new VimAmbiguousException("*", "Datacenter", all),
                };
            }
            else
            {
                found = await this.FindAsync(path, "Datacenter", cancellationToken).ConfigureAwait(false);
            }

            this.datacenter = found;
            return found;
        }

        /// <summary>The one object at <paramref name="path"/> (of <paramref name="type"/> or a subtype of it, when given).</summary>
        /// <example><c>VimInventoryItem vm = await finder.FindAsync("/DC0/vm/web01", "VirtualMachine");</c></example>
        /// <exception cref="ArgumentException">The path is empty or has a malformed pattern.</exception>
        /// <exception cref="VimNotFoundException">Nothing matches; the message names the path element that matched nothing and where.</exception>
        /// <exception cref="VimAmbiguousException">Several objects match; they are listed with their paths.</exception>
        public async Task<VimInventoryItem> FindAsync(string path, string? type = null, CancellationToken cancellationToken = default)
        {
            VimInventoryPathResult result = await this.ResolveAsync(path, type, cancellationToken).ConfigureAwait(false);
            return result.Matches.Count switch
            {
                0 => throw new VimNotFoundException(path, type, result.Describe()),
                1 => result.Matches[0],
                _ => throw new VimAmbiguousException(path, type, result.Matches),
            };
        }

        /// <summary>Every object at <paramref name="path"/> (of <paramref name="type"/> or a subtype, when given); empty when nothing matches.</summary>
        /// <example><c>IReadOnlyList&lt;VimInventoryItem&gt; hosts = await finder.FindAllAsync("/DC0/host/*/*", "HostSystem");</c></example>
        /// <exception cref="ArgumentException">The path is empty or has a malformed pattern.</exception>
        public async Task<IReadOnlyList<VimInventoryItem>> FindAllAsync(string path, string? type = null, CancellationToken cancellationToken = default)
            => (await this.ResolveAsync(path, type, cancellationToken).ConfigureAwait(false)).Matches;

        /// <summary>
        /// The children of every object at <paramref name="path"/> (as <c>govc ls</c>: <c>/DC0/vm</c> lists the VMs and folders in it), of
        /// <paramref name="type"/> or a subtype when given; empty when nothing matches or the matches hold nothing.
        /// </summary>
        /// <exception cref="ArgumentException">The path is empty or has a malformed pattern.</exception>
        public async Task<IReadOnlyList<VimInventoryItem>> ListAsync(string path, string? type = null, CancellationToken cancellationToken = default)
        {
            VimInventoryPathResult result = await this.ResolveAsync(path, type: null, cancellationToken).ConfigureAwait(false);
            List<VimInventoryItem> children = await VimInventoryListing.ListChildrenAsync(this.client, result.Matches, cancellationToken).ConfigureAwait(false);
            return Distinct(children.Where(c => VimInventoryTypes.IsA(c.Type, type)));
        }

        /// <summary>
        /// The one object of <paramref name="type"/> (or a subtype) named exactly <paramref name="name"/> below <see cref="Datacenter"/>
        /// (the whole inventory when none is set), at any depth; with its inventory path.
        /// </summary>
        /// <example><c>VimInventoryItem cluster = await finder.FindByNameAsync("ClusterComputeResource", "DC0_C0");</c></example>
        /// <exception cref="VimNotFoundException">No object of that type has that name.</exception>
        /// <exception cref="VimAmbiguousException">Several have; they are listed with their paths.</exception>
        public async Task<VimInventoryItem> FindByNameAsync(string type, string name, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            IReadOnlyList<VimInventoryItem> matches = await this.FindAllOfTypeAsync(type, name, this.Scope, cancellationToken).ConfigureAwait(false);
            return matches.Count switch
            {
                0 => throw new VimNotFoundException(name, type, "No " + type + " is named '" + name + "' in " + this.ScopeDescription + "."),
                1 => matches[0],
                _ => throw new VimAmbiguousException(name, type, matches),
            };
        }

        /// <summary>Every object of <paramref name="type"/> (or a subtype) named exactly <paramref name="name"/> below <see cref="Datacenter"/> (or anywhere), with their paths.</summary>
        public Task<IReadOnlyList<VimInventoryItem>> FindAllByNameAsync(string type, string name, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            return this.FindAllOfTypeAsync(type, name, this.Scope, cancellationToken);
        }

        /// <summary>
        /// The objects of <paramref name="type"/> named <paramref name="name"/> below <paramref name="root"/> (references only: the common
        /// case costs no path lookup); listing through a container view or traversal as <see cref="VimInventoryListing.ListTreeAsync"/>.
        /// </summary>
        internal static async Task<List<ManagedObjectReference>> FindReferencesByNameAsync(VimClient client, string type, string name, ManagedObjectReference root, bool useContainerViews, System.Action? onViewsUnavailable, CancellationToken cancellationToken)
        {
            ArgumentException.ThrowIfNullOrEmpty(type);
            var matches = new List<ManagedObjectReference>();
            await foreach (ObjectContent content in VimInventoryListing.ListTreeAsync(client, type, ["name"], root, null, useContainerViews, onViewsUnavailable, cancellationToken).ConfigureAwait(false))
            {
                if (content.Obj is { } obj && content.PropSet.Any(p => p.Name == "name" && Equals(p.Val, name)))
                {
                    matches.Add(obj);
                }
            }

            return matches;
        }

        private string ScopeDescription => this.datacenter is null ? "the inventory" : "datacenter " + this.datacenter.Path;

        private ManagedObjectReference Scope => this.datacenter?.Reference ?? RootFolderOf(this.client);

        private async Task<IReadOnlyList<VimInventoryItem>> FindAllOfTypeAsync(string type, string? name, ManagedObjectReference scope, CancellationToken cancellationToken)
        {
            ArgumentException.ThrowIfNullOrEmpty(type);
            List<ManagedObjectReference> found;
            if (name is null)
            {
                found = [];
                await foreach (ObjectContent content in VimInventoryListing.ListTreeAsync(this.client, type, ["name"], scope, null, this.ViewsWanted, this.OnViewsRefused, cancellationToken).ConfigureAwait(false))
                {
                    found.Add(content.Obj!);
                }
            }
            else
            {
                found = await FindReferencesByNameAsync(this.client, type, name, scope, this.ViewsWanted, this.OnViewsRefused, cancellationToken).ConfigureAwait(false);
            }

            return await VimInventoryListing.WithPathsAsync(this.client, found, cancellationToken).ConfigureAwait(false);
        }

        private bool ViewsWanted => this.UseContainerViews && !this.containerViewsRefused;

        private void OnViewsRefused() => this.containerViewsRefused = true;

        private async Task<VimInventoryPathResult> ResolveAsync(string path, string? type, CancellationToken cancellationToken)
        {
            VimInventoryPath parsed = VimInventoryPath.Parse(path);
            VimInventoryItem start = parsed.IsAbsolute || this.datacenter is null
                ? await this.RootAsync(cancellationToken).ConfigureAwait(false)
                : this.datacenter;
            var result = new VimInventoryPathResult(path, type, start);
            IReadOnlyList<VimInventoryItem> current = [start];
            foreach (string element in parsed.Elements)
            {
                IReadOnlyList<VimInventoryItem> next;
                if (element == "..")
                {
                    next = Distinct(current.Select(item => item.Parent ?? item));
                }
                else
                {
                    List<VimInventoryItem> children = await VimInventoryListing.ListChildrenAsync(this.client, current, cancellationToken).ConfigureAwait(false);
                    next = VimInventoryPattern.HasWildcards(element)
                        ? Distinct(children.Where(c => VimInventoryPattern.Matches(element, c.Name)))
                        : Distinct(children.Where(c => c.Name == element));
                }

                if (next.Count == 0)
                {
                    result.StoppedAt(element, current);
                    return result;
                }

                current = next;
            }

            result.Matched(current);
            return result;
        }

        private async Task<VimInventoryItem> RootAsync(CancellationToken cancellationToken)
        {
            if (this.root is null)
            {
                // Read once for the root folder's name (the path of the root is "/" whatever it is called).
                List<VimInventoryItem> read = await VimInventoryListing.WithPathsAsync(this.client, [RootFolderOf(this.client)], cancellationToken).ConfigureAwait(false);
                this.root = read[0];
            }

            return this.root;
        }

        private static ManagedObjectReference RootFolderOf(VimClient client)
            => client.ServiceContent.RootFolder ?? throw new InvalidOperationException("The server's service content has no root folder.");

        private static List<VimInventoryItem> Distinct(IEnumerable<VimInventoryItem> items)
        {
            var seen = new HashSet<ManagedObjectReference>();
            return items.Where(i => seen.Add(i.Reference)).ToList();
        }
    }
}
