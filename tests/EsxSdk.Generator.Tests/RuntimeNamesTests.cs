using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EsxSdk.Common;
using EsxSdk.Session;
using EsxSdk.Transport;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// Every name in common/RuntimeNames.cs (the runtime names the generator emits and the analyzers look up) resolves
    /// in EsxSdk.dll, and is what its group says: attributes are attributes, exceptions exceptions, interfaces
    /// interfaces, methods methods of the type named for them.
    /// </summary>
    public sealed class RuntimeNamesTests
    {
        private static readonly Assembly Runtime = typeof(VimClient).Assembly;

        /// <summary>Which type each method name belongs to (every name in RuntimeNames.Methods must be here).</summary>
        private static readonly Dictionary<string, string> MethodOwners = new(StringComparer.Ordinal)
        {
            [nameof(RuntimeNames.Methods.RunTaskAsync)] = RuntimeNames.Types.TaskRunner,
            [nameof(RuntimeNames.Methods.EnsureNotBlockedAsync)] = RuntimeNames.Types.TaskPrecheck,
            [nameof(RuntimeNames.Methods.FromAutoAnswer)] = RuntimeNames.Types.QuestionPolicy,
            [nameof(RuntimeNames.Methods.InvokeAsync)] = RuntimeNames.Types.InvokerExtensions,
            [nameof(RuntimeNames.Methods.Required)] = RuntimeNames.Types.Response,
            [nameof(RuntimeNames.Methods.RunAsync)] = RuntimeNames.Types.TaskWrapperSupport,
            [nameof(RuntimeNames.Methods.RunSingleAsync)] = RuntimeNames.Types.TaskWrapperSupport,
            [nameof(RuntimeNames.Methods.RunArrayAsync)] = RuntimeNames.Types.TaskWrapperSupport,
            [nameof(RuntimeNames.Methods.PropertyValue)] = RuntimeNames.Types.ManagedObjectView,
            [nameof(RuntimeNames.Methods.PropertyValues)] = RuntimeNames.Types.ManagedObjectView,
            [nameof(RuntimeNames.Methods.Child)] = RuntimeNames.Types.PropertyPath,
        };

        public static TheoryData<string> TypeNames() => Data(
            typeof(RuntimeNames.Attributes), typeof(RuntimeNames.Types), typeof(RuntimeNames.Interfaces), typeof(RuntimeNames.Exceptions));

        public static TheoryData<string> AttributeNames() => Data(typeof(RuntimeNames.Attributes));

        public static TheoryData<string> ExceptionNames() => Data(typeof(RuntimeNames.Exceptions));

        public static TheoryData<string> InterfaceNames() => Data(typeof(RuntimeNames.Interfaces));

        public static TheoryData<string> MethodFields() => new(Constants(typeof(RuntimeNames.Methods)).Select(c => c.Field));

        [Theory]
        [MemberData(nameof(TypeNames))]
        public void Type_name_resolves_in_EsxSdk_dll(string metadataName)
            => Assert.True(Runtime.GetType(metadataName) is not null, metadataName + " is not a type of " + Runtime.GetName().Name);

        [Theory]
        [MemberData(nameof(AttributeNames))]
        public void Attribute_name_is_an_attribute(string metadataName)
            => Assert.True(typeof(Attribute).IsAssignableFrom(Resolve(metadataName)), metadataName + " is not an attribute");

        [Theory]
        [MemberData(nameof(ExceptionNames))]
        public void Exception_name_is_an_exception(string metadataName)
            => Assert.True(typeof(Exception).IsAssignableFrom(Resolve(metadataName)), metadataName + " is not an exception");

        [Theory]
        [MemberData(nameof(InterfaceNames))]
        public void Interface_name_is_an_interface(string metadataName)
            => Assert.True(Resolve(metadataName).IsInterface, metadataName + " is not an interface");

        [Theory]
        [MemberData(nameof(MethodFields))]
        public void Method_name_is_a_method_of_its_type(string field)
        {
            Assert.True(MethodOwners.TryGetValue(field, out string? owner), "RuntimeNames.Methods." + field + " has no owner in " + nameof(MethodOwners));
            string method = Constants(typeof(RuntimeNames.Methods)).Single(c => c.Field == field).Value;

            Assert.Contains(Resolve(owner!).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance), m => m.Name == method);
        }

        /// <summary>The generator sets it as a named argument and the analyzers read it: a public settable string[] on both task marks.</summary>
        [Theory]
        [InlineData(RuntimeNames.Attributes.TaskStarter)]
        [InlineData(RuntimeNames.Attributes.TaskWrapper)]
        public void Targets_is_a_settable_string_array_of_the_task_attributes(string attribute)
        {
            PropertyInfo? targets = Resolve(attribute).GetProperty(RuntimeNames.AttributeProperties.Targets, BindingFlags.Public | BindingFlags.Instance);

            Assert.NotNull(targets);
            Assert.Equal(typeof(string[]), targets!.PropertyType);
            Assert.True(targets.SetMethod is { IsPublic: true }, attribute + "." + targets.Name + " has no public setter");
        }

        [Fact]
        public void Every_attribute_property_name_is_tested()
            => Assert.Equal(new[] { nameof(RuntimeNames.AttributeProperties.Targets) }, Constants(typeof(RuntimeNames.AttributeProperties)).Select(c => c.Field));

        [Fact]
        public void Service_is_the_clients_service_property()
            => Assert.NotNull(Resolve(RuntimeNames.Types.Client).GetProperty(RuntimeNames.Properties.Service, BindingFlags.Public | BindingFlags.Instance));

        [Fact]
        public void Every_class_property_name_is_tested()
            => Assert.Equal(new[] { nameof(RuntimeNames.Properties.Service) }, Constants(typeof(RuntimeNames.Properties)).Select(c => c.Field));

        /// <summary>ESX0005/ESX0006 read property specs by these names in any binding; the runtime's own has them with these types.</summary>
        [Fact]
        public void Property_spec_names_are_the_bindings_type_and_path_set()
        {
            Type spec = Resolve("EsxSdk.Vim25." + RuntimeNames.PropertySpec.TypeName);

            Assert.Equal(typeof(string), spec.GetProperty(RuntimeNames.PropertySpec.Type)?.PropertyType);
            Assert.Equal(typeof(string[]), spec.GetProperty(RuntimeNames.PropertySpec.PathSet)?.PropertyType);
        }

        /// <summary>
        /// The runtime methods whose path lists ESX0005/ESX0006 check are found by parameter name: these are all of them, and
        /// each one's type parameter (if any) is a string. A new method taking paths under another name would go unchecked.
        /// </summary>
        [Fact]
        public void Property_path_parameters_name_exactly_the_property_api()
        {
            var pathNames = new[] { RuntimeNames.PropertyPathParameters.PathsParameter, RuntimeNames.PropertyPathParameters.PropertiesParameter };
            var methods = Runtime.GetExportedTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(m => m.GetParameters().Any(p => pathNames.Contains(p.Name) && typeof(IEnumerable<string>).IsAssignableFrom(p.ParameterType)))
                .ToList();

            Assert.Equal(
                new[] { "PropertyCollectorExtensions.GetPropertiesAsync", "PropertyCollectorExtensions.ListAsync", "VimContainerView.FilterSpec" },
                methods.Select(m => m.DeclaringType!.Name + "." + m.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(
                methods.SelectMany(m => m.GetParameters()).Where(p => p.Name == RuntimeNames.PropertyPathParameters.TypeParameter),
                p => Assert.Equal(typeof(string), p.ParameterType));
        }

        /// <summary>The analyzers find a binding's paths under its namespace plus the suffix, by the two attributes.</summary>
        [Fact]
        public void Generated_paths_carry_the_attributes_the_analyzers_read()
        {
            Type root = Resolve("EsxSdk.Vim25" + RuntimeNames.ObjectsNamespaceSuffix + ".VirtualMachinePaths");
            Type pathsAttribute = Resolve(RuntimeNames.Attributes.ManagedObjectPaths);
            Type nameAttribute = Resolve(RuntimeNames.Attributes.PropertyName);

            Assert.Equal("VirtualMachine", root.GetCustomAttributesData().Single(a => a.AttributeType == pathsAttribute).ConstructorArguments[0].Value);
            PropertyInfo runtime = root.GetProperty("Runtime")!;
            Assert.Equal("runtime", runtime.GetCustomAttributesData().Single(a => a.AttributeType == nameAttribute).ConstructorArguments[0].Value);
            PropertyInfo powerState = runtime.PropertyType.GetProperty("PowerState")!;
            Assert.Equal("powerState", powerState.GetCustomAttributesData().Single(a => a.AttributeType == nameAttribute).ConstructorArguments[0].Value);
        }

        [Fact]
        public void Tasks_namespace_holds_the_task_attributes()
            => Assert.Equal(RuntimeNames.TasksNamespace, Resolve(RuntimeNames.Attributes.TaskStarter).Namespace);

        private static Type Resolve(string metadataName)
            => Runtime.GetType(metadataName) ?? throw new InvalidOperationException(metadataName + " is not a type of " + Runtime.GetName().Name);

        private static TheoryData<string> Data(params Type[] groups) => new(groups.SelectMany(g => Constants(g)).Select(c => c.Value));

        private static IEnumerable<(string Field, string Value)> Constants(Type group) => group
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));
    }
}
