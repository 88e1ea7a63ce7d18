namespace EsxSdk.Properties
{
    /// <summary>
    /// A property path and the type of the value it reads, together: <c>client.GetAsync(vm, VirtualMachineView.Paths.Runtime.PowerState)</c>
    /// returns a <c>VirtualMachinePowerState?</c>. Value types are nullable (<c>int?</c>), since any property on a path may be
    /// unset; a list is <c>T[]</c> and ends the path (the property collector cannot index into lists); a polymorphic value
    /// reads as the type the server sent (a <c>VirtualDisk</c> in a <c>VirtualDevice</c> path), while the path's members are
    /// those of the declared type. Generated paths of data objects derive from this type and add one member per property.
    /// </summary>
    /// <typeparam name="T">The value's type as the binding reads it.</typeparam>
    public class VimPropertyPath<T> : VimPropertyPath
    {
        /// <summary>Makes a path from its dotted wire form.</summary>
        /// <param name="path">The path as the property collector takes it, e.g. <c>runtime.powerState</c>.</param>
        public VimPropertyPath(string path)
            : base(path)
        {
        }
    }
}
