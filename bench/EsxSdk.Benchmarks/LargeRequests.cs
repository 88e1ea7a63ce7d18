using System.Globalization;
using System.Linq;
using EsxSdk.Vim25;
using Twin = EsxSdk.Benchmarks.XmlSerializerBinding;

namespace EsxSdk.Benchmarks
{
    /// <summary>
    /// The large requests of measure 2, built identically in both bindings: a RetrievePropertiesEx whose
    /// PropertyFilterSpec names 5,000 VMs one object spec each, and a ReconfigVM_Task with a big
    /// VirtualMachineConfigSpec (64 disks, 8 NICs, 500 extraConfig options).
    /// </summary>
    public static class LargeRequests
    {
        public const int ObjectSpecs = 5000;
        public const int Disks = 64;
        public const int Nics = 8;
        public const int ExtraConfig = 500;

        private static string Vm(int i) => "vm-" + i.ToString(CultureInfo.InvariantCulture);

        public static RetrievePropertiesExRequestType FilterSpec() => new()
        {
            This = new ManagedObjectReference("PropertyCollector", "propertyCollector"),
            SpecSet =
            [
                new PropertyFilterSpec
                {
                    ObjectSet = Enumerable.Range(0, ObjectSpecs).Select(i => new ObjectSpec { Obj = new ManagedObjectReference("VirtualMachine", Vm(i)), Skip = false }).ToArray(),
                    PropSet = [new PropertySpec { Type = "VirtualMachine", PathSet = VmQuery.Properties }],
                },
            ],
            Options = new RetrieveOptions { MaxObjects = 1000 },
        };

        public static Twin.RetrievePropertiesExRequestType TwinFilterSpec() => new()
        {
            This = new Twin.ManagedObjectReference { Type = "PropertyCollector", Value = "propertyCollector" },
            SpecSet =
            [
                new Twin.PropertyFilterSpec
                {
                    ObjectSet = Enumerable.Range(0, ObjectSpecs).Select(i => new Twin.ObjectSpec { Obj = new Twin.ManagedObjectReference { Type = "VirtualMachine", Value = Vm(i) }, Skip = false, SkipSpecified = true }).ToArray(),
                    PropSet = [new Twin.PropertySpec { Type = "VirtualMachine", PathSet = VmQuery.Properties }],
                },
            ],
            Options = new Twin.RetrieveOptions { MaxObjects = 1000, MaxObjectsSpecified = true },
        };

        public static ReconfigVMRequestType ConfigSpec() => new()
        {
            This = new ManagedObjectReference("VirtualMachine", "vm-42"),
            Spec = new VirtualMachineConfigSpec
            {
                Name = "bench-vm",
                Annotation = "EsxSdk benchmark request",
                NumCPUs = 8,
                MemoryMB = 16384,
                DeviceChange = Enumerable.Range(0, Disks).Select(i => new VirtualDeviceConfigSpec
                {
                    Operation = VirtualDeviceConfigSpecOperation.Add,
                    FileOperation = VirtualDeviceConfigSpecFileOperation.Create,
                    Device = new VirtualDisk
                    {
                        Key = -100 - i,
                        ControllerKey = 1000 + (i / 15),
                        UnitNumber = i % 15,
                        CapacityInKB = 1024L * 1024 * (i + 1),
                        Connectable = new VirtualDeviceConnectInfo { StartConnected = true, AllowGuestControl = false, Connected = true },
                        Backing = new VirtualDiskFlatVer2BackingInfo { FileName = "[datastore1] bench-vm/disk-" + i.ToString(CultureInfo.InvariantCulture) + ".vmdk", DiskMode = "persistent", ThinProvisioned = true },
                    },
                }).Concat(Enumerable.Range(0, Nics).Select(i => new VirtualDeviceConfigSpec
                {
                    Operation = VirtualDeviceConfigSpecOperation.Add,
                    Device = new VirtualVmxnet3
                    {
                        Key = -200 - i,
                        AddressType = "generated",
                        WakeOnLanEnabled = true,
                        Connectable = new VirtualDeviceConnectInfo { StartConnected = true, AllowGuestControl = true, Connected = true },
                        Backing = new VirtualEthernetCardNetworkBackingInfo { DeviceName = "VM Network " + i.ToString(CultureInfo.InvariantCulture), UseAutoDetect = false },
                    },
                })).ToArray(),
                ExtraConfig = Enumerable.Range(0, ExtraConfig).Select(i => new OptionValue { Key = "guestinfo.bench." + i.ToString(CultureInfo.InvariantCulture), Value = "value-" + i.ToString(CultureInfo.InvariantCulture) }).ToArray(),
            },
        };

        public static Twin.ReconfigVMRequestType TwinConfigSpec() => new()
        {
            This = new Twin.ManagedObjectReference { Type = "VirtualMachine", Value = "vm-42" },
            Spec = new Twin.VirtualMachineConfigSpec
            {
                Name = "bench-vm",
                Annotation = "EsxSdk benchmark request",
                NumCPUs = 8,
                NumCPUsSpecified = true,
                MemoryMB = 16384,
                MemoryMBSpecified = true,
                DeviceChange = Enumerable.Range(0, Disks).Select(i => new Twin.VirtualDeviceConfigSpec
                {
                    Operation = Twin.VirtualDeviceConfigSpecOperation.Add,
                    OperationSpecified = true,
                    FileOperation = Twin.VirtualDeviceConfigSpecFileOperation.Create,
                    FileOperationSpecified = true,
                    Device = new Twin.VirtualDisk
                    {
                        Key = -100 - i,
                        ControllerKey = 1000 + (i / 15),
                        ControllerKeySpecified = true,
                        UnitNumber = i % 15,
                        UnitNumberSpecified = true,
                        CapacityInKB = 1024L * 1024 * (i + 1),
                        Connectable = new Twin.VirtualDeviceConnectInfo { StartConnected = true, AllowGuestControl = false, Connected = true },
                        Backing = new Twin.VirtualDiskFlatVer2BackingInfo { FileName = "[datastore1] bench-vm/disk-" + i.ToString(CultureInfo.InvariantCulture) + ".vmdk", DiskMode = "persistent", ThinProvisioned = true, ThinProvisionedSpecified = true },
                    },
                }).Concat(Enumerable.Range(0, Nics).Select(i => new Twin.VirtualDeviceConfigSpec
                {
                    Operation = Twin.VirtualDeviceConfigSpecOperation.Add,
                    OperationSpecified = true,
                    Device = new Twin.VirtualVmxnet3
                    {
                        Key = -200 - i,
                        AddressType = "generated",
                        WakeOnLanEnabled = true,
                        WakeOnLanEnabledSpecified = true,
                        Connectable = new Twin.VirtualDeviceConnectInfo { StartConnected = true, AllowGuestControl = true, Connected = true },
                        Backing = new Twin.VirtualEthernetCardNetworkBackingInfo { DeviceName = "VM Network " + i.ToString(CultureInfo.InvariantCulture), UseAutoDetect = false, UseAutoDetectSpecified = true },
                    },
                })).ToArray(),
                ExtraConfig = Enumerable.Range(0, ExtraConfig).Select(i => new Twin.OptionValue { Key = "guestinfo.bench." + i.ToString(CultureInfo.InvariantCulture), Value = "value-" + i.ToString(CultureInfo.InvariantCulture) }).ToArray(),
            },
        };
    }
}
