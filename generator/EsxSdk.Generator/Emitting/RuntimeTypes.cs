using EsxSdk.Common;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>The runtime's types as generated code names them (<c>global::</c>-qualified), from the shared runtime names.</summary>
    internal static class RuntimeTypes
    {
        public const string XmlSerializable = "global::" + RuntimeNames.Interfaces.XmlSerializable;
        public const string XmlReader = "global::" + RuntimeNames.Types.XmlReader;
        public const string XmlWriter = "global::" + RuntimeNames.Types.XmlWriter;
        public const string TypeRegistry = "global::" + RuntimeNames.Interfaces.TypeRegistry;
        public const string Enum = "global::" + RuntimeNames.Interfaces.Enum;
        public const string Invoker = "global::" + RuntimeNames.Interfaces.Invoker;
        public const string TaskHost = "global::" + RuntimeNames.Interfaces.TaskHost;
        public const string InvokerExtensions = "global::" + RuntimeNames.Types.InvokerExtensions;
        public const string Response = "global::" + RuntimeNames.Types.Response;
        public const string FaultException = "global::" + RuntimeNames.Exceptions.Fault;
        public const string TaskStarterAttribute = "global::" + RuntimeNames.Attributes.TaskStarter;
        public const string TaskWrapperAttribute = "global::" + RuntimeNames.Attributes.TaskWrapper;
        public const string TaskWrapperSupport = "global::" + RuntimeNames.Types.TaskWrapperSupport;
        public const string TaskOptions = "global::" + RuntimeNames.Types.TaskOptions;
        public const string BlockedException = "global::" + RuntimeNames.Exceptions.Blocked;
        public const string QuestionException = "global::" + RuntimeNames.Exceptions.Question;
        public const string TaskFailedException = "global::" + RuntimeNames.Exceptions.TaskFailed;

        public const string ManagedObjectView = "global::" + RuntimeNames.Types.ManagedObjectView;
        public const string RetrievedProperties = "global::" + RuntimeNames.Types.RetrievedProperties;
        public const string PropertyNameAttribute = "global::" + RuntimeNames.Attributes.PropertyName;
        public const string ManagedObjectPathsAttribute = "global::" + RuntimeNames.Attributes.ManagedObjectPaths;

        /// <summary><c>VimPropertyPath&lt;T&gt;</c> of <paramref name="type"/>.</summary>
        public static string PropertyPathOf(string type) => Generic(RuntimeNames.Types.PropertyPathOfT, type);

        /// <summary><c>IVimManagedObjectView&lt;T&gt;</c> of <paramref name="type"/>.</summary>
        public static string ManagedObjectViewOf(string type) => Generic(RuntimeNames.Interfaces.ManagedObjectViewOfT, type);

        /// <summary><c>IVimEnum&lt;T&gt;</c> of <paramref name="type"/> (the metadata name's <c>`1</c> becomes the argument list).</summary>
        public static string EnumOf(string type) => Generic(RuntimeNames.Interfaces.EnumOfT, type);

        private static string Generic(string metadataName, string typeArgument)
            => "global::" + metadataName.Substring(0, metadataName.IndexOf('`')) + "<" + typeArgument + ">";
    }
}
