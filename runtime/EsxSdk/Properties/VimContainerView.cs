using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>A server-side ContainerView (ViewManager.CreateContainerView), destroyed on dispose.</summary>
    public sealed class VimContainerView : IAsyncDisposable
    {
        private readonly VimClient client;
        private int disposed;

        private VimContainerView(VimClient client, ManagedObjectReference view)
        {
            this.client = client;
            this.View = view;
        }

        /// <summary>The view's reference.</summary>
        public ManagedObjectReference View { get; }

        /// <summary>Creates a view of the objects of <paramref name="types"/> in <paramref name="container"/>.</summary>
        public static async Task<VimContainerView> CreateAsync(VimClient client, ManagedObjectReference container, IReadOnlyList<string> types, bool recursive, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ManagedObjectReference viewManager = client.ServiceContent.ViewManager ?? throw new InvalidOperationException("The server's service content has no view manager.");
            string[] typeArray = [.. types];
            ManagedObjectReference view = await client.Service.CreateContainerViewAsync(viewManager, container, recursive, typeArray, cancellationToken).ConfigureAwait(false);
            return new VimContainerView(client, view);
        }

        /// <summary>A filter spec selecting every object in the view (view -> ContainerView.view) with the given properties of <paramref name="type"/>.</summary>
        public PropertyFilterSpec FilterSpec(string type, IReadOnlyList<string> properties) => new()
        {
            ObjectSet =
            [
                new ObjectSpec
                {
                    Obj = this.View,
                    Skip = true,
                    SelectSet = [new TraversalSpec { Name = "view", Type = "ContainerView", Path = "view", Skip = false }],
                },
            ],
            PropSet = [new PropertySpec { Type = type, PathSet = [.. properties], All = properties.Count == 0 ? true : null }],
        };

        /// <summary>Destroys the view on the server (errors are ignored: views die with the session).</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref this.disposed, 1) != 0)
            {
                return;
            }

            try
            {
                await this.client.Service.DestroyViewAsync(this.View).ConfigureAwait(false);
            }
            catch (VimException)
            {
                // Views end with the session anyway.
            }
        }
    }
}
