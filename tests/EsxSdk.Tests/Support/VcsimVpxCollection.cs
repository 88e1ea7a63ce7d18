using Xunit;

namespace EsxSdk.Tests.Support
{
    /// <summary>Test classes marked <c>[Collection(VcsimVpxCollection.Name)]</c> share one vCenter-model peer.</summary>
    [CollectionDefinition(Name)]
    public sealed class VcsimVpxCollection : ICollectionFixture<VcsimVpxFixture>
    {
        public const string Name = "vcsim VPX";
    }
}
