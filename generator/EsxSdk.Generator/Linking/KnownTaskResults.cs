using System;
using System.Collections.Generic;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>
    /// What the vSphere API reference documents as the <c>info.result</c> of common <c>*_Task</c> operations.
    /// The WSDL types every task's result as anyType, so without this table every wrapper would return
    /// <c>object?</c>. Operations not listed keep <c>object?</c>: a wrong type here would lose data at run time.
    /// </summary>
    internal static class KnownTaskResults
    {
        private const string Reference = "ManagedObjectReference";
        private const string String = "string";

        private static readonly Dictionary<string, (TaskResultShape Shape, string WireType)> Results = new(StringComparer.Ordinal)
        {
            // A reference to the object the task created.
            ["AddHost_Task"] = (TaskResultShape.Single, Reference),
            ["AddStandaloneHost_Task"] = (TaskResultShape.Single, Reference),
            ["CloneVApp_Task"] = (TaskResultShape.Single, Reference),
            ["CloneVM_Task"] = (TaskResultShape.Single, Reference),
            ["CreateChildVM_Task"] = (TaskResultShape.Single, Reference),
            ["CreateDVPortgroup_Task"] = (TaskResultShape.Single, Reference),
            ["CreateDVS_Task"] = (TaskResultShape.Single, Reference),
            ["CreateSnapshotEx_Task"] = (TaskResultShape.Single, Reference),
            ["CreateSnapshot_Task"] = (TaskResultShape.Single, Reference),
            ["CreateVM_Task"] = (TaskResultShape.Single, Reference),
            ["InstantClone_Task"] = (TaskResultShape.Single, Reference),
            ["RegisterChildVM_Task"] = (TaskResultShape.Single, Reference),
            ["RegisterVM_Task"] = (TaskResultShape.Single, Reference),

            // Data objects.
            ["ApplyStorageDrsRecommendationToPod_Task"] = (TaskResultShape.Single, "ApplyStorageRecommendationResult"),
            ["ApplyStorageDrsRecommendation_Task"] = (TaskResultShape.Single, "ApplyStorageRecommendationResult"),
            ["CheckClone_Task"] = (TaskResultShape.Array, "CheckResult"),
            ["CheckCompatibility_Task"] = (TaskResultShape.Array, "CheckResult"),
            ["CheckCompliance_Task"] = (TaskResultShape.Array, "ComplianceResult"),
            ["CheckInstantClone_Task"] = (TaskResultShape.Array, "CheckResult"),
            ["CheckMigrate_Task"] = (TaskResultShape.Array, "CheckResult"),
            ["CheckPowerOn_Task"] = (TaskResultShape.Array, "CheckResult"),
            ["CheckRelocate_Task"] = (TaskResultShape.Array, "CheckResult"),
            ["CheckVmConfig_Task"] = (TaskResultShape.Array, "CheckResult"),
            ["CloneVStorageObject_Task"] = (TaskResultShape.Single, "VStorageObject"),
            ["CreateDiskFromSnapshot_Task"] = (TaskResultShape.Single, "VStorageObject"),
            ["CreateDisk_Task"] = (TaskResultShape.Single, "VStorageObject"),
            ["CreateScreenshot_Task"] = (TaskResultShape.Single, String),
            ["CreateSecondaryVMEx_Task"] = (TaskResultShape.Single, "FaultToleranceSecondaryOpResult"),
            ["CreateSecondaryVM_Task"] = (TaskResultShape.Single, "FaultToleranceSecondaryOpResult"),
            ["CreateVirtualDisk_Task"] = (TaskResultShape.Single, String),
            ["EnableSecondaryVM_Task"] = (TaskResultShape.Single, "FaultToleranceSecondaryOpResult"),
            ["ExportAnswerFile_Task"] = (TaskResultShape.Single, String),
            ["GenerateHostProfileTaskList_Task"] = (TaskResultShape.Single, "HostProfileManagerConfigTaskList"),
            ["GenerateLogBundles_Task"] = (TaskResultShape.Array, "DiagnosticManagerBundleInfo"),
            ["HostCloneVStorageObject_Task"] = (TaskResultShape.Single, "VStorageObject"),
            ["HostCreateDisk_Task"] = (TaskResultShape.Single, "VStorageObject"),
            ["HostRelocateVStorageObject_Task"] = (TaskResultShape.Single, "VStorageObject"),
            ["HostVStorageObjectCreateDiskFromSnapshot_Task"] = (TaskResultShape.Single, "VStorageObject"),
            ["PowerOnMultiVM_Task"] = (TaskResultShape.Single, "ClusterPowerOnVmResult"),
            ["QueryVMotionCompatibilityEx_Task"] = (TaskResultShape.Array, "CheckResult"),
            ["RelocateVStorageObject_Task"] = (TaskResultShape.Single, "VStorageObject"),
            ["SearchDatastoreSubFolders_Task"] = (TaskResultShape.Array, "HostDatastoreBrowserSearchResults"),
            ["SearchDatastore_Task"] = (TaskResultShape.Single, "HostDatastoreBrowserSearchResults"),
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
        public static (TaskResultShape Shape, string WireType) Of(string operation)
            => Results.TryGetValue(operation, out var result) ? result
                : NoResult.Contains(operation) ? (TaskResultShape.None, string.Empty)
                : (TaskResultShape.Unknown, string.Empty);

        /// <summary>Whether <paramref name="wireType"/> is xsd:string rather than a vim25 type.</summary>
        public static bool IsString(string wireType) => wireType == String;
    }
}
