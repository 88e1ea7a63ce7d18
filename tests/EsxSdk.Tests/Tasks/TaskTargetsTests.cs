using System;
using System.Linq;
using System.Reflection;
using EsxSdk.Tasks;
using EsxSdk.Vim25;
using Xunit;

namespace EsxSdk.Tests.Tasks
{
    /// <summary>
    /// The runtime's own binding (generated with the shared managed-object model) records on every raw starter and wrapper
    /// which arguments are the VMs the task acts on: what the analyzers pre-check and the wrappers do pre-check.
    /// </summary>
    public sealed class TaskTargetsTests
    {
        private static readonly MethodInfo[] Methods = typeof(VimService).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        public static TheoryData<string> Starters() => new(Methods.Where(m => m.GetCustomAttribute<VimTaskStarterAttribute>() != null).Select(m => m.Name));

        public static TheoryData<string> Wrappers() => new(Methods.Where(m => m.GetCustomAttribute<VimTaskWrapperAttribute>() != null).Select(m => m.Name));

        [Theory]
        [MemberData(nameof(Starters))]
        public void Every_starter_names_references_among_its_parameters_as_targets(string method)
            => AssertTargetsAreReferenceParameters(Method(method), Method(method).GetCustomAttribute<VimTaskStarterAttribute>()!.Targets);

        [Theory]
        [MemberData(nameof(Wrappers))]
        public void Every_wrapper_names_the_targets_of_its_starter(string method)
        {
            VimTaskWrapperAttribute wrapper = Method(method).GetCustomAttribute<VimTaskWrapperAttribute>()!;
            MethodInfo starter = Methods.Single(m => m.GetCustomAttribute<VimTaskStarterAttribute>()?.Operation == wrapper.Operation);

            AssertTargetsAreReferenceParameters(Method(method), wrapper.Targets);
            Assert.Equal(starter.GetCustomAttribute<VimTaskStarterAttribute>()!.Targets, wrapper.Targets);
        }

        [Theory]
        [InlineData(nameof(VimService.PowerOnMultiVMTaskAsync), new[] { "vm" })]
        [InlineData(nameof(VimService.PowerOnVMTaskAsync), new[] { "this" })]
        [InlineData(nameof(VimService.MakePrimaryVMTaskAsync), new[] { "this", "vm" })]
        [InlineData(nameof(VimService.CustomizeGuestTaskAsync), new[] { "vm" })]
        [InlineData(nameof(VimService.DestroyTaskAsync), new[] { "this" })]
        [InlineData(nameof(VimService.CheckCompatibilityTaskAsync), new string[0])]
        [InlineData(nameof(VimService.PowerOnMultiVMAsync), new[] { "vm" })]
        public void The_model_decides_whether_this_is_a_vm(string method, string[] targets)
        {
            MethodInfo info = Method(method);
            string[]? recorded = info.GetCustomAttribute<VimTaskStarterAttribute>()?.Targets ?? info.GetCustomAttribute<VimTaskWrapperAttribute>()?.Targets;

            Assert.Equal(targets, recorded);
        }

        private static MethodInfo Method(string name) => Methods.Single(m => m.Name == name);

        private static void AssertTargetsAreReferenceParameters(MethodInfo method, string[]? targets)
        {
            Assert.True(targets != null, method.Name + " records no Targets");
            Assert.Equal(targets!.Length, targets.Distinct(StringComparer.Ordinal).Count());
            foreach (string target in targets)
            {
                ParameterInfo? parameter = method.GetParameters().SingleOrDefault(p => p.Name == target);
                Assert.True(parameter != null, method.Name + " has no parameter '" + target + "'");
                Assert.Contains(parameter!.ParameterType, new[] { typeof(ManagedObjectReference), typeof(ManagedObjectReference[]) });
            }
        }
    }
}
