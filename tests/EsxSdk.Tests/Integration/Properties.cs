using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EsxSdk.Properties;
using EsxSdk.Session;
using EsxSdk.Vim25;

namespace EsxSdk.Tests.Integration
{
    /// <summary>Property collector shortcuts for the integration tests: one property, a container view's contents, continuation tokens.</summary>
    internal static class Properties
    {
        /// <summary>The value of one property of one object (null when unset); a missing property fails with its fault.</summary>
        public static async Task<object?> GetAsync(VimClient client, ManagedObjectReference obj, string path, CancellationToken cancellationToken = default)
        {
            IReadOnlyDictionary<string, object?> values = await GetManyAsync(client, obj, new[] { path }, cancellationToken);
            return values.TryGetValue(path, out object? value) ? value : null;
        }

        /// <summary>The given properties of one object, by path; unset properties are absent.</summary>
        public static async Task<IReadOnlyDictionary<string, object?>> GetManyAsync(VimClient client, ManagedObjectReference obj, string[] paths, CancellationToken cancellationToken = default)
        {
            var spec = new PropertyFilterSpec
            {
                PropSet = [new PropertySpec { Type = obj.Type, All = false, PathSet = paths }],
                ObjectSet = [new ObjectSpec { Obj = obj, Skip = false }],
            };
            ObjectContent[] objects = await RetrieveAllAsync(client, spec, cancellationToken);
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (ObjectContent content in objects.Where(o => o.Obj == obj))
            {
                if (content.MissingSet.FirstOrDefault() is { } missing)
                {
                    string fault = missing.Fault?.Fault is EsxSdk.Xml.IVimXmlSerializable data ? data.XmlTypeName : "unknown fault";
                    throw new InvalidOperationException(obj + "." + missing.Path + " is missing: " + fault);
                }

                foreach (DynamicProperty property in content.PropSet)
                {
                    values[property.Name!] = property.Val;
                }
            }

            return values;
        }

        /// <summary>RetrievePropertiesEx and every ContinueRetrievePropertiesEx page (the runtime's paging stream, collected).</summary>
        public static async Task<ObjectContent[]> RetrieveAllAsync(VimClient client, PropertyFilterSpec spec, CancellationToken cancellationToken = default)
        {
            var objects = new List<ObjectContent>();
            await foreach (ObjectContent content in client.RetrieveAsync([spec], cancellationToken: cancellationToken))
            {
                objects.Add(content);
            }

            return objects.ToArray();
        }

        /// <summary>The <c>name</c> of every object a container view over <paramref name="container"/> holds; the view is destroyed afterwards.</summary>
        public static async Task<IReadOnlyDictionary<ManagedObjectReference, string>> ViewNamesAsync(VimClient client, ManagedObjectReference container, bool recursive, string[]? types, CancellationToken cancellationToken = default)
        {
            await using VimContainerView view = await VimContainerView.CreateAsync(client, container, types ?? [], recursive, cancellationToken);
            ObjectContent[] objects = await RetrieveAllAsync(client, view.FilterSpec("ManagedEntity", ["name"]), cancellationToken);
            return objects.ToDictionary(o => o.Obj!, o => (string)o.PropSet.Single(p => p.Name == "name").Val!);
        }
    }
}
