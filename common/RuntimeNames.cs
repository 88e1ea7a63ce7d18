namespace EsxSdk.Common
{
    /// <summary>
    /// The names in the runtime (EsxSdk.dll) that the generator emits and the analyzers look up: one list, so a
    /// rename in the runtime is one change here, and RuntimeNamesTests (which resolves every name in EsxSdk.dll)
    /// fails until it is made. Types are metadata names (<c>Namespace.Type</c>, <c>`1</c> for generics).
    /// </summary>
    /// <remarks>
    /// Compiled into both the generator and the analyzers as a linked file (common/ at the repository root): both
    /// are netstandard2.0 compiler plug-ins that cannot reference the net10.0 runtime, and a shared assembly would
    /// have to ship and load beside them. Each gets its own internal copy; the code fixes use the analyzers' one.
    /// </remarks>
    internal static class RuntimeNames
    {
        /// <summary>The namespace of the task API (<c>using EsxSdk.Tasks;</c> for the pre-check).</summary>
        public const string TasksNamespace = "EsxSdk.Tasks";

        /// <summary>
        /// Where a binding's views and typed paths live: its namespace plus this suffix (<c>EsxSdk.Vim25.Objects</c>), so a
        /// view or path class never shares a name with a binding type.
        /// </summary>
        public const string ObjectsNamespaceSuffix = ".Objects";

        /// <summary>Attributes the generator puts on raw starters and wrappers, and the analyzers read.</summary>
        internal static class Attributes
        {
            public const string TaskStarter = "EsxSdk.Tasks.VimTaskStarterAttribute";
            public const string TaskWrapper = "EsxSdk.Tasks.VimTaskWrapperAttribute";
            public const string TaskPrecheck = "EsxSdk.Tasks.VimTaskPrecheckAttribute";
            public const string TaskRunner = "EsxSdk.Tasks.VimTaskRunnerAttribute";

            /// <summary>On a generated path member: the wire name of the property it steps to.</summary>
            public const string PropertyName = "EsxSdk.Properties.VimPropertyNameAttribute";

            /// <summary>On a generated root paths class: the managed object type whose properties it lists.</summary>
            public const string ManagedObjectPaths = "EsxSdk.Properties.VimManagedObjectPathsAttribute";
        }

        /// <summary>Properties of the attributes in <see cref="Attributes"/>, set by the generator and read by the analyzers.</summary>
        internal static class AttributeProperties
        {
            /// <summary>
            /// <see cref="Attributes.TaskStarter"/> and <see cref="Attributes.TaskWrapper"/>: <c>string[]</c>, the C# parameter
            /// names of the VMs the task acts on, in order (<c>this</c> for <c>@this</c>); empty: none; unset (null): not
            /// recorded by the binding's generator.
            /// </summary>
            public const string Targets = "Targets";
        }

        /// <summary>Classes: the client, the invoker and response helpers, the task runner and its support.</summary>
        internal static class Types
        {
            public const string Client = "EsxSdk.Session.VimClient";
            public const string InvokerExtensions = "EsxSdk.Transport.VimInvokerExtensions";
            public const string Response = "EsxSdk.Transport.VimResponse";
            public const string TaskRunner = "EsxSdk.Tasks.VimTaskRunner";
            public const string TaskPrecheck = "EsxSdk.Tasks.VimTaskPrecheck";
            public const string TaskWrapperSupport = "EsxSdk.Tasks.VimTaskWrapperSupport";
            public const string TaskOptions = "EsxSdk.Tasks.VimTaskOptions";
            public const string QuestionPolicy = "EsxSdk.Tasks.QuestionPolicy";
            public const string XmlReader = "EsxSdk.Xml.VimXmlReader";
            public const string XmlWriter = "EsxSdk.Xml.VimXmlWriter";

            /// <summary>The base of every property path: what view reads and filter specs take.</summary>
            public const string PropertyPath = "EsxSdk.Properties.VimPropertyPath";

            /// <summary>A typed property path (<c>VimPropertyPath&lt;T&gt;</c>): the base of the generated path classes.</summary>
            public const string PropertyPathOfT = "EsxSdk.Properties.VimPropertyPath`1";

            /// <summary>The base of the generated typed views.</summary>
            public const string ManagedObjectView = "EsxSdk.Properties.VimManagedObjectView";

            /// <summary>What a view is made from: the retrieved values and the paths asked for.</summary>
            public const string RetrievedProperties = "EsxSdk.Properties.VimRetrievedProperties";

            /// <summary>The reference type of the runtime's own binding, which the pre-check takes.</summary>
            public const string ManagedObjectReference = "EsxSdk.Vim25.ManagedObjectReference";
        }

        /// <summary>Interfaces generated types implement or generated services hold.</summary>
        internal static class Interfaces
        {
            public const string Invoker = "EsxSdk.Transport.IVimInvoker";

            /// <summary>Internal: what the runtime's own service runs its wrappers' tasks through.</summary>
            public const string TaskHost = "EsxSdk.Tasks.IVimTaskHost";

            public const string XmlSerializable = "EsxSdk.Xml.IVimXmlSerializable";
            public const string TypeRegistry = "EsxSdk.Xml.IVimTypeRegistry";
            public const string Enum = "EsxSdk.Xml.IVimEnum";
            public const string EnumOfT = "EsxSdk.Xml.IVimEnum`1";

            /// <summary>What the typed retrieval needs of a view type (its managed object type, its factory).</summary>
            public const string ManagedObjectViewOfT = "EsxSdk.Properties.IVimManagedObjectView`1";
        }

        /// <summary>Exceptions the generated methods document.</summary>
        internal static class Exceptions
        {
            public const string Fault = "EsxSdk.VimFaultException";
            public const string Blocked = "EsxSdk.Tasks.VimBlockedException";
            public const string Question = "EsxSdk.Tasks.VimQuestionException";
            public const string TaskFailed = "EsxSdk.Tasks.VimTaskFailedException";
        }

        /// <summary>Methods called or recognised by name; the type each belongs to is in its comment.</summary>
        internal static class Methods
        {
            /// <summary><see cref="Types.TaskRunner"/>: runs a start delegate with pre-check and wait.</summary>
            public const string RunTaskAsync = "RunTaskAsync";

            /// <summary><see cref="Types.TaskPrecheck"/>: the pre-check of a target.</summary>
            public const string EnsureNotBlockedAsync = "EnsureNotBlockedAsync";

            /// <summary><see cref="Types.QuestionPolicy"/>: the policy of a URI's <c>auto_answer</c>.</summary>
            public const string FromAutoAnswer = "FromAutoAnswer";

            /// <summary><see cref="Types.InvokerExtensions"/>: sends a request and selects the result.</summary>
            public const string InvokeAsync = "InvokeAsync";

            /// <summary><see cref="Types.Response"/>: a required result, or a protocol error naming the operation.</summary>
            public const string Required = "Required";

            /// <summary><see cref="Types.TaskWrapperSupport"/>: runs a task, result untyped.</summary>
            public const string RunAsync = "RunAsync";

            /// <summary><see cref="Types.TaskWrapperSupport"/>: runs a task with one documented result.</summary>
            public const string RunSingleAsync = "RunSingleAsync";

            /// <summary><see cref="Types.TaskWrapperSupport"/>: runs a task with a documented list of results.</summary>
            public const string RunArrayAsync = "RunArrayAsync";

            /// <summary><see cref="Types.ManagedObjectView"/>: a generated view property's value.</summary>
            public const string PropertyValue = "PropertyValue";

            /// <summary><see cref="Types.ManagedObjectView"/>: a generated view list property's value.</summary>
            public const string PropertyValues = "PropertyValues";

            /// <summary><see cref="Types.PropertyPathOfT"/> (declared on its non-generic base): the path one property further.</summary>
            public const string Child = "Child";
        }

        /// <summary>
        /// The property-path parameters of the runtime's property API, read by ESX0005/ESX0006: a method of EsxSdk.dll with a
        /// string-list parameter named <see cref="PathsParameter"/> or <see cref="PropertiesParameter"/> takes property paths
        /// of the managed object type its <see cref="TypeParameter"/> names (of the object it reads, when it has none).
        /// </summary>
        internal static class PropertyPathParameters
        {
            /// <summary><c>GetPropertiesAsync(obj, params string[] paths)</c>.</summary>
            public const string PathsParameter = "paths";

            /// <summary><c>ListAsync(type, properties)</c>, <c>VimContainerView.FilterSpec(type, properties)</c>.</summary>
            public const string PropertiesParameter = "properties";

            /// <summary>The managed object type the paths belong to.</summary>
            public const string TypeParameter = "type";
        }

        /// <summary>A binding's property spec (<c>new PropertySpec { Type = "VirtualMachine", PathSet = [...] }</c>), by wire names.</summary>
        internal static class PropertySpec
        {
            /// <summary>The class's name in every binding (its wire name).</summary>
            public const string TypeName = "PropertySpec";

            /// <summary>The managed object type (<c>type</c>).</summary>
            public const string Type = "Type";

            /// <summary>The paths (<c>pathSet</c>).</summary>
            public const string PathSet = "PathSet";
        }

        /// <summary>Properties of the runtime's classes read by name.</summary>
        internal static class Properties
        {
            /// <summary><see cref="Types.Client"/>: the client's service (<c>client.Service.XTaskAsync</c> names the client).</summary>
            public const string Service = "Service";
        }
    }
}
