using System;
using System.Collections.Generic;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>
    /// What the vSphere API reference documents as the <c>info.result</c> of common <c>*_Task</c> operations, and what
    /// that result is, for the wrappers' docs.
    /// The WSDL types every task's result as anyType. With the managed-object model, its <c>taskResult</c> decides (see
    /// BindingLinker.TaskResults; this table then only lends its sentences where it agrees); without one, this table is
    /// the fallback, and operations not listed keep <c>object?</c>: a wrong type here would lose data at run time.
    /// ManagedObjectViewsTests lists where the two disagree on 7.0u2.
    /// </summary>
    internal static class KnownTaskResults
    {
        private const string Reference = "ManagedObjectReference";
        private const string String = "string";
        private const string CheckResults = "One result per virtual machine and host checked, with the warnings and errors found";
        private const string NewDisk = "The new virtual storage object (the disk)";
        private const string ClonedDisk = "The new virtual storage object (the cloned disk)";
        private const string DiskFromSnapshot = "The new virtual storage object (the disk made from the snapshot)";
        private const string RelocatedDisk = "The relocated virtual storage object";
        private const string SecondaryVm = "The secondary virtual machine and whether it was powered on";
        private const string StorageRecommendation = "The outcome of applying the recommendation (the virtual machine it created, for a placement)";

        private static readonly Dictionary<string, KnownTaskResult> Results = new(StringComparer.Ordinal)
        {
            // A reference to the object the task created.
            ["AddHost_Task"] = Single(Reference, "The reference to the added host (HostSystem)"),
            ["AddStandaloneHost_Task"] = Single(Reference, "The reference to the new ComputeResource holding the added host"),
            ["CloneVApp_Task"] = Single(Reference, "The reference to the new vApp (VirtualApp)"),
            ["CloneVM_Task"] = Single(Reference, "The reference to the new virtual machine (the clone)"),
            ["CreateChildVM_Task"] = Single(Reference, "The reference to the new virtual machine"),
            ["CreateDVPortgroup_Task"] = Single(Reference, "The reference to the new distributed port group"),
            ["CreateDVS_Task"] = Single(Reference, "The reference to the new distributed virtual switch"),
            ["CreateSnapshotEx_Task"] = Single(Reference, "The reference to the new snapshot (VirtualMachineSnapshot)"),
            ["CreateSnapshot_Task"] = Single(Reference, "The reference to the new snapshot (VirtualMachineSnapshot)"),
            ["CreateVM_Task"] = Single(Reference, "The reference to the new virtual machine"),
            ["InstantClone_Task"] = Single(Reference, "The reference to the new virtual machine (the instant clone)"),
            ["RegisterChildVM_Task"] = Single(Reference, "The reference to the registered virtual machine"),
            ["RegisterVM_Task"] = Single(Reference, "The reference to the registered virtual machine"),

            // Data objects.
            ["ApplyStorageDrsRecommendationToPod_Task"] = Single("ApplyStorageRecommendationResult", StorageRecommendation),
            ["ApplyStorageDrsRecommendation_Task"] = Single("ApplyStorageRecommendationResult", StorageRecommendation),
            ["CheckClone_Task"] = Array("CheckResult", CheckResults),
            ["CheckCompatibility_Task"] = Array("CheckResult", CheckResults),
            ["CheckCompliance_Task"] = Array("ComplianceResult", "The compliance result of each entity checked"),
            ["CheckInstantClone_Task"] = Array("CheckResult", CheckResults),
            ["CheckMigrate_Task"] = Array("CheckResult", CheckResults),
            ["CheckPowerOn_Task"] = Array("CheckResult", CheckResults),
            ["CheckRelocate_Task"] = Array("CheckResult", CheckResults),
            ["CheckVmConfig_Task"] = Array("CheckResult", CheckResults),
            ["CloneVStorageObject_Task"] = Single("VStorageObject", ClonedDisk),
            ["CreateDiskFromSnapshot_Task"] = Single("VStorageObject", DiskFromSnapshot),
            ["CreateDisk_Task"] = Single("VStorageObject", NewDisk),
            ["CreateScreenshot_Task"] = Single(String, "The datastore path of the screenshot file"),
            ["CreateSecondaryVMEx_Task"] = Single("FaultToleranceSecondaryOpResult", SecondaryVm),
            ["CreateSecondaryVM_Task"] = Single("FaultToleranceSecondaryOpResult", SecondaryVm),
            ["CreateVirtualDisk_Task"] = Single(String, "The datastore path of the new virtual disk"),
            ["EnableSecondaryVM_Task"] = Single("FaultToleranceSecondaryOpResult", SecondaryVm),
            ["ExportAnswerFile_Task"] = Single(String, "The host's answer file in serialized form"),
            ["GenerateHostProfileTaskList_Task"] = Single("HostProfileManagerConfigTaskList", "The configuration changes applying the profile would make to the host"),
            ["GenerateLogBundles_Task"] = Array("DiagnosticManagerBundleInfo", "The log bundles generated, one per system, with their download URLs"),
            ["HostCloneVStorageObject_Task"] = Single("VStorageObject", ClonedDisk),
            ["HostCreateDisk_Task"] = Single("VStorageObject", NewDisk),
            ["HostRelocateVStorageObject_Task"] = Single("VStorageObject", RelocatedDisk),
            ["HostVStorageObjectCreateDiskFromSnapshot_Task"] = Single("VStorageObject", DiskFromSnapshot),
            ["PowerOnMultiVM_Task"] = Single("ClusterPowerOnVmResult", "Which virtual machines the cluster tried to power on, which it did not (with why), and the recommendations left to apply"),
            ["QueryVMotionCompatibilityEx_Task"] = Array("CheckResult", CheckResults),
            ["RelocateVStorageObject_Task"] = Single("VStorageObject", RelocatedDisk),
            ["SearchDatastoreSubFolders_Task"] = Array("HostDatastoreBrowserSearchResults", "The files found, one result per folder searched"),
            ["SearchDatastore_Task"] = Single("HostDatastoreBrowserSearchResults", "The files found in the folder"),
        };

        /// <summary>Tasks documented to have no result.</summary>
        private static readonly HashSet<string> NoResult = new(StringComparer.Ordinal)
        {
            "AbortCustomization_Task",
            "AddDVPortgroup_Task",
            "ApplyEvcModeVM_Task",
            "AttachDisk_Task",
            "ConsolidateVMDisks_Task",
            "CopyDatastoreFile_Task",
            "CopyVirtualDisk_Task",
            "CustomizeGuest_Task",
            "CustomizeVM_Task",
            "DatastoreExitMaintenanceMode_Task",
            "DefragmentVirtualDisk_Task",
            "DeleteDatastoreFile_Task",
            "DeleteVirtualDisk_Task",
            "Destroy_Task",
            "DetachDisk_Task",
            "DisableSecondaryVM_Task",
            "DisconnectHost_Task",
            "EagerZeroVirtualDisk_Task",
            "EnterMaintenanceMode_Task",
            "ExitMaintenanceMode_Task",
            "ExtendVirtualDisk_Task",
            "InflateVirtualDisk_Task",
            "MakePrimaryVM_Task",
            "MigrateVM_Task",
            "MoveDatastoreFile_Task",
            "MoveHostInto_Task",
            "MoveIntoFolder_Task",
            "MoveInto_Task",
            "MoveVirtualDisk_Task",
            "PowerDownHostToStandBy_Task",
            "PowerOffVApp_Task",
            "PowerOffVM_Task",
            "PowerOnVApp_Task",
            "PowerOnVM_Task",
            "PowerUpHostFromStandBy_Task",
            "PromoteDisks_Task",
            "RebootHost_Task",
            "ReconfigVM_Task",
            "ReconfigureCluster_Task",
            "ReconfigureComputeResource_Task",
            "ReconfigureDVPortgroup_Task",
            "ReconfigureDatacenter_Task",
            "ReconfigureDvs_Task",
            "ReconfigureHostForDAS_Task",
            "ReconnectHost_Task",
            "RelocateVM_Task",
            "RemoveAllSnapshots_Task",
            "RemoveSnapshot_Task",
            "Rename_Task",
            "ResetVM_Task",
            "RevertToCurrentSnapshot_Task",
            "RevertToSnapshot_Task",
            "ShrinkVirtualDisk_Task",
            "ShutdownHost_Task",
            "StartGuestNetwork_Task",
            "SuspendVApp_Task",
            "SuspendVM_Task",
            "TerminateFaultTolerantVM_Task",
            "TurnOffFaultToleranceForVM_Task",
            "UnregisterAndDestroy_Task",
            "UpgradeTools_Task",
            "UpgradeVM_Task",
            "ZeroFillVirtualDisk_Task",
            "reloadVirtualMachineFromPath_Task",
        };

        /// <summary>The documented result of <paramref name="operation"/>, or Unknown.</summary>
        public static KnownTaskResult Of(string operation)
            => Results.TryGetValue(operation, out KnownTaskResult? result) ? result
                : NoResult.Contains(operation) ? new KnownTaskResult(TaskResultShape.None, string.Empty, string.Empty)
                : new KnownTaskResult(TaskResultShape.Unknown, string.Empty, string.Empty);

        /// <summary>Whether <paramref name="wireType"/> is xsd:string rather than a vim25 type.</summary>
        public static bool IsString(string wireType) => wireType == String;

        private static KnownTaskResult Single(string wireType, string description) => new(TaskResultShape.Single, wireType, description);

        private static KnownTaskResult Array(string wireType, string description) => new(TaskResultShape.Array, wireType, description);
    }

    /// <summary>
    /// A documented task result: its shape, its wire type, and what it is (a sentence for the wrapper's docs);
    /// <see cref="FromModel"/> when the managed-object model said so rather than this table.
    /// </summary>
    internal sealed record KnownTaskResult(TaskResultShape Shape, string WireType, string Description, bool FromModel = false);
}
