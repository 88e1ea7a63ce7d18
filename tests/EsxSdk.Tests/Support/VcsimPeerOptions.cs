using System;

namespace EsxSdk.Tests.Support
{
    /// <summary>How to start a <see cref="VcsimPeer"/>; every property maps to a flag of tests/vcsim/peer.</summary>
    public sealed class VcsimPeerOptions
    {
        public const string DefaultUser = "esxsdk";

        public const string DefaultPassword = "esxsdk-test-pass";

        public VcsimModel Model { get; init; } = VcsimModel.Vpx;

        /// <summary>The only user name Login accepts.</summary>
        public string User { get; init; } = DefaultUser;

        /// <summary>The only password Login accepts (a wrong one fails with InvalidLogin).</summary>
        public string Password { get; init; } = DefaultPassword;

        /// <summary>
        /// Sessions idle for longer than this are deleted; null keeps the simulator default (no expiry).
        /// The simulator checks every interval, so a session ends between one and two intervals after its last call.
        /// </summary>
        public TimeSpan? SessionIdleTimeout { get; init; }

        /// <summary>VMs per resource pool (Model.Machine); null keeps the model default.</summary>
        public int? Vms { get; init; }

        /// <summary>Hosts in the cluster (Model.ClusterHost, VPX model only); null keeps the model default.</summary>
        public int? Hosts { get; init; }

        /// <summary>
        /// -questions: stage VMs whose tasks block on VM questions (see tests/vcsim/README.md); their names are in
        /// <see cref="VcsimPeer.QuestionVms"/> and the AnswerVM/CancelTask calls in <see cref="VcsimPeer.GetRecordedCallsAsync"/>.
        /// </summary>
        public bool Questions { get; init; }

        /// <summary>With <see cref="Questions"/>: this many more VMs (role crowd-N) whose power-on asks the serial question, default omitted for even N, Replace for odd N.</summary>
        public int QuestionCrowd { get; init; }

        /// <summary>With <see cref="Questions"/>: how long the busy VM's task and the slow VM's reconfigure run; null keeps the peer's 10 minutes.</summary>
        public TimeSpan? BusyTaskDuration { get; init; }

        /// <summary>-container-views: whether CreateContainerView works, is absent (no viewManager in ServiceContent) or faults NotSupported.</summary>
        public VcsimContainerViews ContainerViews { get; init; } = VcsimContainerViews.Available;

        /// <summary>With <see cref="Questions"/>: a reconfigure of the slow VM while one runs is queued behind it (vCenter) instead of refused with TaskInProgress (ESXi).</summary>
        public bool QueueTasks { get; init; }
    }
}
