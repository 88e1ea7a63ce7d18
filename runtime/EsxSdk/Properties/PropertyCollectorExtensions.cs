using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>Property collector helpers: paged retrieval, inventory listing (container views, else traversal specs), finding objects.</summary>
    public static class PropertyCollectorExtensions
    {
        /// <summary>
        /// RetrievePropertiesEx with ContinueRetrievePropertiesEx paging, as an async stream. Leaving the
        /// stream early cancels the server-side result set (CancelRetrievePropertiesEx). Properties the server could not
        /// read are in each object's <see cref="ObjectContent.MissingSet"/> with their typed fault (<see cref="VimMissingProperties.EnsureComplete"/>
        /// turns them into an exception); a <see cref="NotAuthenticated"/> there means the session is gone, and the client logs in
        /// again and repeats the read before anything is returned.
        /// </summary>
        public static IAsyncEnumerable<ObjectContent> RetrieveAsync(this VimClient client, IReadOnlyList<PropertyFilterSpec> specs, int? pageSize = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            return client.Service.RetrieveAsync(PropertyCollectorOf(client), specs, pageSize, cancellationToken);
        }

        /// <summary>The paging loop of <see cref="RetrieveAsync(VimClient, IReadOnlyList{PropertyFilterSpec}, int?, CancellationToken)"/> on any service and property collector.</summary>
        public static async IAsyncEnumerable<ObjectContent> RetrieveAsync(
            this VimService service,
            ManagedObjectReference propertyCollector,
            IReadOnlyList<PropertyFilterSpec> specs,
            int? pageSize = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(service);
            ArgumentNullException.ThrowIfNull(propertyCollector);
            ArgumentNullException.ThrowIfNull(specs);
            RetrieveResult? page = await service.RetrievePropertiesExAsync(propertyCollector, specs.ToArray(), new RetrieveOptions { MaxObjects = pageSize }, cancellationToken).ConfigureAwait(false);
            string? token = page?.Token;
            try
            {
                while (page is not null)
                {
                    foreach (ObjectContent content in page.Objects)
                    {
                        yield return content;
                    }

                    if (token is null)
                    {
                        yield break;
                    }

                    page = await service.ContinueRetrievePropertiesExAsync(propertyCollector, token, cancellationToken).ConfigureAwait(false);
                    token = page.Token;
                }
            }
            finally
            {
                if (token is not null)
                {
                    await CancelQuietlyAsync(service, propertyCollector, token).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// The named properties of one object (all of them when none are named); unset properties are absent.
        /// A property the server could not read (no permission, an invalid path, ...) raises <see cref="VimPropertyFaultException"/>
        /// naming it, with the typed fault; a lost session is logged in again and the read repeated once.
        /// </summary>
        /// <exception cref="VimPropertyFaultException">The server reported a fault for one of the properties.</exception>
        public static async Task<IReadOnlyDictionary<string, object?>> GetPropertiesAsync(this VimClient client, ManagedObjectReference obj, params string[] paths)
        {
            ArgumentNullException.ThrowIfNull(obj);
            var spec = new PropertyFilterSpec
            {
                PropSet = [new PropertySpec { Type = obj.Type, PathSet = paths, All = paths.Length == 0 }],
                ObjectSet = [new ObjectSpec { Obj = obj }],
            };
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            await foreach (ObjectContent content in client.RetrieveAsync([spec]).ConfigureAwait(false))
            {
                foreach (DynamicProperty property in content.EnsureComplete().PropSet)
                {
                    result[property.Name ?? string.Empty] = property.Val;
                }
            }

            return result;
        }

        /// <summary>
        /// Lists every object of <paramref name="type"/> (e.g. "VirtualMachine", subtypes included) below <paramref name="root"/>
        /// (default: the root folder) with the given properties, each once: through a container view (destroyed afterwards) when the
        /// server has a view manager, else, or when CreateContainerView is refused (NotSupported, NotImplemented, MethodNotFound),
        /// through traversal specs (folder -> childEntity, datacenter -> its folders, compute resource -> host / resourcePool,
        /// resource pool -> resourcePool / vm).
        /// </summary>
        public static IAsyncEnumerable<ObjectContent> ListAsync(
            this VimClient client,
            string type,
            IReadOnlyList<string> properties,
            ManagedObjectReference? root = null,
            int? pageSize = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentException.ThrowIfNullOrEmpty(type);
            ArgumentNullException.ThrowIfNull(properties);
            return VimInventoryListing.ListTreeAsync(client, type, properties, root ?? RootFolderOf(client), pageSize, useContainerViews: true, onViewsUnavailable: null, cancellationToken);
        }

        /// <summary>
        /// The VM with this name anywhere in the inventory; null if none; <see cref="VimAmbiguousException"/> naming the candidates
        /// (with their inventory paths) if several share it. Lists VM names as <see cref="ListAsync"/> does: a container view where
        /// the server has one, else traversal specs. For paths and wildcards, see <see cref="VimFinder"/>.
        /// </summary>
        /// <exception cref="VimAmbiguousException">Several VMs have this name.</exception>
        public static Task<ManagedObjectReference?> FindVirtualMachineByNameAsync(this VimClient client, string name, CancellationToken cancellationToken = default)
            => client.FindByNameAsync("VirtualMachine", name, cancellationToken);

        /// <summary>
        /// The object of <paramref name="type"/> (e.g. "HostSystem", "Datastore", "ClusterComputeResource"; subtypes included) with
        /// exactly this name anywhere in the inventory; null if none; <see cref="VimAmbiguousException"/> if several (with their paths).
        /// Lists names as <see cref="ListAsync"/> does: a container view where the server has one, else traversal specs.
        /// </summary>
        /// <exception cref="VimAmbiguousException">Several objects of the type have this name.</exception>
        public static async Task<ManagedObjectReference?> FindByNameAsync(this VimClient client, string type, string name, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentException.ThrowIfNullOrEmpty(type);
            ArgumentException.ThrowIfNullOrEmpty(name);
            List<ManagedObjectReference> matches = await VimFinder.FindReferencesByNameAsync(client, type, name, RootFolderOf(client), useContainerViews: true, onViewsUnavailable: null, cancellationToken).ConfigureAwait(false);
            if (matches.Count <= 1)
            {
                return matches.Count == 0 ? null : matches[0];
            }

            // Only the error pays for the paths that tell the candidates apart.
            IReadOnlyList<VimInventoryItem> candidates = await VimInventoryListing.WithPathsAsync(client, matches, cancellationToken).ConfigureAwait(false);
            throw new VimAmbiguousException(name, type, candidates);
        }

        /// <summary>
        /// The entity at an exact inventory path such as <c>DC0/vm/web01</c> (from the root folder, no wildcards), or null; one
        /// SearchIndex.FindByInventoryPath call. For wildcards, <c>..</c> and paths relative to a datacenter, see <see cref="VimFinder"/>.
        /// </summary>
        public static Task<ManagedObjectReference?> FindByInventoryPathAsync(this VimClient client, string inventoryPath, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(inventoryPath);
            return client.Service.FindByInventoryPathAsync(SearchIndexOf(client), inventoryPath, cancellationToken);
        }

        /// <summary>The VM with this BIOS UUID (or instance UUID when <paramref name="instanceUuid"/>), or null; one SearchIndex.FindByUuid call.</summary>
        public static Task<ManagedObjectReference?> FindVirtualMachineByUuidAsync(this VimClient client, string uuid, bool instanceUuid = false, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(uuid);
            return client.Service.FindByUuidAsync(SearchIndexOf(client), uuid, vmSearch: true, instanceUuid: instanceUuid, cancellationToken: cancellationToken);
        }

        internal static ManagedObjectReference PropertyCollectorOf(VimClient client)
            => client.ServiceContent.PropertyCollector ?? throw new InvalidOperationException("The server's service content has no property collector.");

        private static ManagedObjectReference RootFolderOf(VimClient client)
            => client.ServiceContent.RootFolder ?? throw new InvalidOperationException("The server's service content has no root folder.");

        private static ManagedObjectReference SearchIndexOf(VimClient client)
            => client.ServiceContent.SearchIndex ?? throw new InvalidOperationException("The server's service content has no search index.");

        private static async Task CancelQuietlyAsync(VimService service, ManagedObjectReference collector, string token)
        {
            try
            {
                await service.CancelRetrievePropertiesExAsync(collector, token).ConfigureAwait(false);
            }
            catch (VimException)
            {
                // The result set expires on the server anyway.
            }
        }
    }
}
