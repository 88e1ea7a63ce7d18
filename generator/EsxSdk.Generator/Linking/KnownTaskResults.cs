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

            // No result.
            ["AbortCustomization_Task"] = (TaskResultShape.None, string.Empty),
            ["AddDVPortgroup_Task"] = (TaskResultShape.None, string.Empty),
            ["ApplyEvcModeVM_Task"] = (TaskResultShape.None, string.Empty),
            ["AttachDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["ConsolidateVMDisks_Task"] = (TaskResultShape.None, string.Empty),
            ["CopyDatastoreFile_Task"] = (TaskResultShape.None, string.Empty),
            ["CopyVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["CustomizeGuest_Task"] = (TaskResultShape.None, string.Empty),
            ["CustomizeVM_Task"] = (TaskResultShape.None, string.Empty),
            ["DatastoreExitMaintenanceMode_Task"] = (TaskResultShape.None, string.Empty),
            ["DefragmentVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["DeleteDatastoreFile_Task"] = (TaskResultShape.None, string.Empty),
            ["DeleteVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["Destroy_Task"] = (TaskResultShape.None, string.Empty),
            ["DetachDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["DisableSecondaryVM_Task"] = (TaskResultShape.None, string.Empty),
            ["DisconnectHost_Task"] = (TaskResultShape.None, string.Empty),
            ["EagerZeroVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["EnterMaintenanceMode_Task"] = (TaskResultShape.None, string.Empty),
            ["ExitMaintenanceMode_Task"] = (TaskResultShape.None, string.Empty),
            ["ExtendVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["InflateVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["MakePrimaryVM_Task"] = (TaskResultShape.None, string.Empty),
            ["MigrateVM_Task"] = (TaskResultShape.None, string.Empty),
            ["MoveDatastoreFile_Task"] = (TaskResultShape.None, string.Empty),
            ["MoveHostInto_Task"] = (TaskResultShape.None, string.Empty),
            ["MoveIntoFolder_Task"] = (TaskResultShape.None, string.Empty),
            ["MoveInto_Task"] = (TaskResultShape.None, string.Empty),
            ["MoveVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["PowerDownHostToStandBy_Task"] = (TaskResultShape.None, string.Empty),
            ["PowerOffVApp_Task"] = (TaskResultShape.None, string.Empty),
            ["PowerOffVM_Task"] = (TaskResultShape.None, string.Empty),
            ["PowerOnVApp_Task"] = (TaskResultShape.None, string.Empty),
            ["PowerOnVM_Task"] = (TaskResultShape.None, string.Empty),
            ["PowerUpHostFromStandBy_Task"] = (TaskResultShape.None, string.Empty),
            ["PromoteDisks_Task"] = (TaskResultShape.None, string.Empty),
            ["RebootHost_Task"] = (TaskResultShape.None, string.Empty),
            ["ReconfigVM_Task"] = (TaskResultShape.None, string.Empty),
            ["ReconfigureCluster_Task"] = (TaskResultShape.None, string.Empty),
            ["ReconfigureComputeResource_Task"] = (TaskResultShape.None, string.Empty),
            ["ReconfigureDVPortgroup_Task"] = (TaskResultShape.None, string.Empty),
            ["ReconfigureDatacenter_Task"] = (TaskResultShape.None, string.Empty),
            ["ReconfigureDvs_Task"] = (TaskResultShape.None, string.Empty),
            ["ReconfigureHostForDAS_Task"] = (TaskResultShape.None, string.Empty),
            ["ReconnectHost_Task"] = (TaskResultShape.None, string.Empty),
            ["RelocateVM_Task"] = (TaskResultShape.None, string.Empty),
            ["RemoveAllSnapshots_Task"] = (TaskResultShape.None, string.Empty),
            ["RemoveSnapshot_Task"] = (TaskResultShape.None, string.Empty),
            ["Rename_Task"] = (TaskResultShape.None, string.Empty),
            ["ResetVM_Task"] = (TaskResultShape.None, string.Empty),
            ["RevertToCurrentSnapshot_Task"] = (TaskResultShape.None, string.Empty),
            ["RevertToSnapshot_Task"] = (TaskResultShape.None, string.Empty),
            ["ShrinkVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["ShutdownHost_Task"] = (TaskResultShape.None, string.Empty),
            ["StartGuestNetwork_Task"] = (TaskResultShape.None, string.Empty),
            ["SuspendVApp_Task"] = (TaskResultShape.None, string.Empty),
            ["SuspendVM_Task"] = (TaskResultShape.None, string.Empty),
            ["TerminateFaultTolerantVM_Task"] = (TaskResultShape.None, string.Empty),
            ["TurnOffFaultToleranceForVM_Task"] = (TaskResultShape.None, string.Empty),
            ["UnregisterAndDestroy_Task"] = (TaskResultShape.None, string.Empty),
            ["UpgradeTools_Task"] = (TaskResultShape.None, string.Empty),
            ["UpgradeVM_Task"] = (TaskResultShape.None, string.Empty),
            ["ZeroFillVirtualDisk_Task"] = (TaskResultShape.None, string.Empty),
            ["reloadVirtualMachineFromPath_Task"] = (TaskResultShape.None, string.Empty),
        };

        /// <summary>The documented result of <paramref name="operation"/>, or Unknown.</summary>
        public static (TaskResultShape Shape, string WireType) Of(string operation)
            => Results.TryGetValue(operation, out var result) ? result : (TaskResultShape.Unknown, string.Empty);

        /// <summary>Whether <paramref name="wireType"/> is xsd:string rather than a vim25 type.</summary>
        public static bool IsString(string wireType) => wireType == String;
    }
}
