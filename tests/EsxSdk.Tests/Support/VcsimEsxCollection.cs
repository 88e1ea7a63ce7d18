using Xunit;

namespace EsxSdk.Tests.Support
{
    /// <summary>Test classes marked <c>[Collection(VcsimEsxCollection.Name)]</c> share one ESXi-host-model peer.</summary>
    [CollectionDefinition(Name)]
    public sealed class VcsimEsxCollection : ICollectionFixture<VcsimEsxFixture>
    {
        public const string Name = "vcsim ESX";
    }
}
