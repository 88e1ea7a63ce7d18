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
    /// <summary>
    /// Typed reads of managed objects: a generated view (<c>VirtualMachineView</c>) of one object or of every object of its
    /// type, and the typed value of one property path. Values are the binding's own types, read without reflection; a
    /// property the server could not read raises <see cref="VimPropertyFaultException"/> like <c>GetPropertiesAsync</c>.
    /// </summary>
    public static class TypedPropertyExtensions
    {
        /// <summary>
        /// The view of <paramref name="obj"/> with the given properties (all of them when none are given):
        /// <c>await client.GetAsync&lt;VirtualMachineView&gt;(vm, VirtualMachineView.Paths.Runtime, VirtualMachineView.Paths.Name)</c>.
        /// </summary>
        /// <typeparam name="TView">The generated view type (of the object's type or a base of it).</typeparam>
        /// <param name="client">The session.</param>
        /// <param name="obj">The object.</param>
        /// <param name="paths">The properties to read; none reads all.</param>
        /// <exception cref="ArgumentException"><paramref name="obj"/> is neither of the view's type nor of a type derived from it.</exception>
        /// <exception cref="VimPropertyFaultException">The server reported a fault for one of the properties.</exception>
        public static Task<TView> GetAsync<TView>(this VimClient client, ManagedObjectReference obj, params VimPropertyPath[] paths)
            where TView : VimManagedObjectView, IVimManagedObjectView<TView>
            => GetAsync<TView>(client, obj, paths, CancellationToken.None);

        /// <summary>The view of <paramref name="obj"/> with the given properties (all of them when the list is empty or null).</summary>
        /// <typeparam name="TView">The generated view type (of the object's type or a base of it).</typeparam>
        /// <param name="client">The session.</param>
        /// <param name="obj">The object.</param>
        /// <param name="paths">The properties to read; none reads all.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <exception cref="ArgumentException"><paramref name="obj"/> is neither of the view's type nor of a type derived from it.</exception>
        /// <exception cref="VimPropertyFaultException">The server reported a fault for one of the properties.</exception>
        public static async Task<TView> GetAsync<TView>(this VimClient client, ManagedObjectReference obj, IEnumerable<VimPropertyPath>? paths, CancellationToken cancellationToken)
            where TView : VimManagedObjectView, IVimManagedObjectView<TView>
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(obj);
            if (!TView.IsViewOf(obj.Type))
            {
                // Caught here, the mistake is named; sent, it would come back as another type's values in the wrong view.
                throw new ArgumentException(
                    "'" + obj.Value + "' is a " + obj.Type + ", not a " + TView.ManagedObjectType + " (nor derived from one): read it as the view of its own type or of a type it derives from.",
                    nameof(obj));
            }

            string[] pathSet = PathSet(paths);
            var spec = new PropertyFilterSpec
            {
                PropSet = [new PropertySpec { Type = obj.Type, PathSet = pathSet, All = pathSet.Length == 0 }],
                ObjectSet = [new ObjectSpec { Obj = obj }],
            };
            await foreach (ObjectContent content in client.RetrieveAsync([spec], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                return ViewOf<TView>(content, pathSet);
            }

            throw new VimProtocolException("RetrievePropertiesEx returned nothing for " + obj + ".", "RetrievePropertiesEx");
        }

        /// <summary>
        /// The typed value of one property path: <c>await client.GetAsync(vm, VirtualMachineView.Paths.Runtime.PowerState)</c>
        /// is a <c>VirtualMachinePowerState?</c>; null when unset.
        /// </summary>
        /// <typeparam name="T">The path's value type.</typeparam>
        /// <param name="client">The session.</param>
        /// <param name="obj">The object.</param>
        /// <param name="path">The typed path.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <exception cref="VimPropertyFaultException">The server reported a fault for the property.</exception>
        public static async Task<T?> GetAsync<T>(this VimClient client, ManagedObjectReference obj, VimPropertyPath<T> path, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(obj);
            ArgumentNullException.ThrowIfNull(path);
            IReadOnlyDictionary<string, object?> values = await client.GetPropertiesAsync(obj, path.Path).WaitAsync(cancellationToken).ConfigureAwait(false);
            return VimPropertyValue.As<T>(values.GetValueOrDefault(path.Path), path.Path);
        }

        /// <summary>
        /// The view of every object of the view's type below <paramref name="root"/> (default: the root folder), through a
        /// container view where the server has them, else traversal specs (as <c>ListAsync(type, ...)</c>), paged: <c>await foreach (HostSystemView host in client.ListAsync&lt;HostSystemView&gt;([HostSystemView.Paths.Name]))</c>.
        /// </summary>
        /// <typeparam name="TView">The generated view type.</typeparam>
        /// <param name="client">The session.</param>
        /// <param name="paths">The properties to read; null or empty reads all.</param>
        /// <param name="root">Where to look (a folder, datacenter, compute resource); default the root folder.</param>
        /// <param name="pageSize">Objects per page (RetrievePropertiesEx <c>maxObjects</c>); default the server's.</param>
        /// <param name="cancellationToken">Cancels the listing.</param>
        /// <exception cref="VimPropertyFaultException">The server reported a fault for a property of an object.</exception>
        public static async IAsyncEnumerable<TView> ListAsync<TView>(
            this VimClient client,
            IEnumerable<VimPropertyPath>? paths = null,
            ManagedObjectReference? root = null,
            int? pageSize = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
            where TView : VimManagedObjectView, IVimManagedObjectView<TView>
        {
            string[] pathSet = PathSet(paths);
            await foreach (ObjectContent content in client.ListAsync(TView.ManagedObjectType, pathSet, root, pageSize, cancellationToken).ConfigureAwait(false))
            {
                yield return ViewOf<TView>(content, pathSet);
            }
        }

        /// <summary>
        /// Watches one typed property of one object on the client's shared update loop (<c>client.Updates</c>):
        /// <paramref name="onChange"/> gets its current value, then each change (null when unset or removed).
        /// </summary>
        /// <typeparam name="T">The path's value type.</typeparam>
        /// <param name="updates">The client's update loop.</param>
        /// <param name="obj">The object.</param>
        /// <param name="path">The typed path.</param>
        /// <param name="onChange">Called with each value.</param>
        /// <param name="onError">Called when the watch fails for good.</param>
        /// <param name="cancellationToken">Cancels creating the watch.</param>
        /// <returns>The watch; dispose it to stop.</returns>
        public static Task<IAsyncDisposable> WatchAsync<T>(
            this VimUpdateLoop updates,
            ManagedObjectReference obj,
            VimPropertyPath<T> path,
            Action<T?> onChange,
            Action<Exception>? onError = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(updates);
            ArgumentNullException.ThrowIfNull(obj);
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(onChange);
            var spec = new PropertyFilterSpec
            {
                PropSet = [new PropertySpec { Type = obj.Type, PathSet = [path.Path] }],
                ObjectSet = [new ObjectSpec { Obj = obj }],
            };
            return updates.WatchAsync(
                spec,
                update =>
                {
                    foreach (PropertyChange change in update.ChangeSet.Where(c => c.Name == path.Path))
                    {
                        onChange(change.Op == PropertyChangeOp.Remove ? default : VimPropertyValue.As<T>(change.Val, path.Path));
                    }
                },
                onError,
                cancellationToken);
        }

        private static string[] PathSet(IEnumerable<VimPropertyPath>? paths)
            => paths is null ? [] : paths.Select(p => p.Path).Distinct(StringComparer.Ordinal).ToArray();

        private static TView ViewOf<TView>(ObjectContent content, string[] pathSet)
            where TView : VimManagedObjectView, IVimManagedObjectView<TView>
        {
            content.EnsureComplete();
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DynamicProperty property in content.PropSet)
            {
                values[property.Name ?? string.Empty] = property.Val;
            }

            ManagedObjectReference reference = content.Obj ?? throw new VimProtocolException("An object came back without its reference.", "RetrievePropertiesEx");
            return TView.Create(reference, new VimRetrievedProperties(values, pathSet.Length == 0 ? null : pathSet));
        }
    }
}
