using System.Collections.Generic;
using System.Linq;
using EsxSdk.Vim25;

namespace EsxSdk.Properties
{
    /// <summary>Reading RetrievePropertiesEx's <c>missingSet</c>: per-property faults the server reports instead of values.</summary>
    public static class VimMissingProperties
    {
        /// <summary>Throws <see cref="VimPropertyFaultException"/> for the first property of <paramref name="content"/> the server could not read.</summary>
        public static ObjectContent EnsureComplete(this ObjectContent content)
        {
            System.ArgumentNullException.ThrowIfNull(content);
            if (content.MissingSet is [{ } missing, ..])
            {
                throw new VimPropertyFaultException(content.Obj ?? new ManagedObjectReference("unknown", "unknown"), missing.Path ?? "?", missing.Fault);
            }

            return content;
        }

        /// <summary>Whether a property read's answer says the session is gone (vcsim and older hosts answer so instead of faulting).</summary>
        internal static bool ReportsNotAuthenticated(object response) => response switch
        {
            RetrievePropertiesExResponse ex => AnyNotAuthenticated(ex.Returnval?.Objects),
            ContinueRetrievePropertiesExResponse next => AnyNotAuthenticated(next.Returnval?.Objects),
            RetrievePropertiesResponse plain => AnyNotAuthenticated(plain.Returnval),
            _ => false,
        };

        private static bool AnyNotAuthenticated(IEnumerable<ObjectContent>? objects)
            => objects is not null && objects.Any(o => o.MissingSet.Any(m => m.Fault?.Fault is NotAuthenticated));
    }
}
