namespace EsxSdk.Tests.Support
{
    /// <summary>How the peer offers container views (its -container-views flag).</summary>
    public enum VcsimContainerViews
    {
        /// <summary>ViewManager.CreateContainerView works as in vcsim.</summary>
        Available,

        /// <summary>ServiceContent has no viewManager (an ESX host of an old release).</summary>
        Absent,

        /// <summary>CreateContainerView faults with NotSupported.</summary>
        Unsupported,
    }
}
