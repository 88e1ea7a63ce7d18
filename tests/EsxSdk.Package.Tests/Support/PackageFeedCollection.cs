using Xunit;

namespace EsxSdk.Package.Tests.Support
{
    /// <summary>One packed feed (and one pack at a time: packs of the same project would race on its obj/ folder) for every package test class.</summary>
    [CollectionDefinition(Name)]
    public sealed class PackageFeedCollection : ICollectionFixture<PackageFeedFixture>
    {
        public const string Name = "package feed";
    }
}
