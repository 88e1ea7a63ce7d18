namespace EsxSdk.Tests.Support
{
    /// <summary>The inventory model a vcsim peer simulates (the peer's <c>-model</c> flag).</summary>
    public enum VcsimModel
    {
        /// <summary>vCenter: <c>about.apiType</c> VirtualCenter, one datacenter with a cluster and a standalone host.</summary>
        Vpx,

        /// <summary>A standalone ESXi host: <c>about.apiType</c> HostAgent.</summary>
        Esx,
    }
}
