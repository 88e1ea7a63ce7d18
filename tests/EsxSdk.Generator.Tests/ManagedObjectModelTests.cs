using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using EsxSdk.Generator.Model;
using EsxSdk.Generator.Parsing;
using EsxSdk.Generator.Tests.Support;
using EsxSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// The managed-object model input: the shared model parses into types, bases, methods and task results; a malformed
    /// file is ESXG011 (a warning) at the line and column where reading stopped, naming the file, and the binding is then
    /// generated as without a model; no input makes the generator throw.
    /// </summary>
    public sealed class ManagedObjectModelTests
    {
        private const string ModelPath = "/m/managed-objects.json";

        [Fact]
        public void The_shared_model_parses_into_its_types_methods_and_task_results()
        {
            ManagedObjectDocument model = ManagedObjectModelParser.Parse(TestPaths.ManagedObjectModel, File.ReadAllText(TestPaths.ManagedObjectModel), CancellationToken.None);
            ManagedMethodDecl[] methods = model.Types.SelectMany(t => t.Methods).ToArray();

            Assert.Empty(model.Diagnostics);
            Assert.Equal((138, 263, 955, 241), (model.Types.Count, model.Types.Sum(t => t.Properties.Count), methods.Length, methods.Count(m => m.IsTask)));
            Assert.Equal("ManagedEntity", model.Types.Single(t => t.Name == "VirtualMachine").Base);
            Assert.Equal(new ManagedTypeRef("ClusterPowerOnVmResult", "data", false), methods.Single(m => m.Name == "PowerOnMultiVM_Task").TaskResult);
            Assert.Equal(new ManagedMethodDecl("PowerOnVM_Task", true, null, "2.0", "VirtualMachine.Interact.PowerOn"), methods.Single(m => m.Name == "PowerOnVM_Task"));
            Assert.Equal(new ManagedMethodDecl("AnswerVM", false, null, "2.0", "VirtualMachine.Interact.AnswerQuestion"), methods.Single(m => m.Name == "AnswerVM"));
            Assert.Equal(
                new ManagedPropertyDecl("runtime", new ManagedTypeRef("VirtualMachineRuntimeInfo", "data", false), false),
                model.Types.Single(t => t.Name == "VirtualMachine").Properties.Single(p => p.Name == "runtime"));
        }

        [Fact]
        public void Parsing_twice_gives_equal_documents_and_moved_lines_do_not_change_them()
        {
            string text = File.ReadAllText(TestPaths.ManagedObjectModel);

            ManagedObjectDocument first = ManagedObjectModelParser.Parse(ModelPath, text, CancellationToken.None);
            ManagedObjectDocument second = ManagedObjectModelParser.Parse(ModelPath, "\n\n  " + text.Replace(",\"", ",\n  \"", StringComparison.Ordinal), CancellationToken.None);

            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
        }

        [Fact]
        public void Parsing_honours_cancellation()
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => ManagedObjectModelParser.Parse(ModelPath, File.ReadAllText(TestPaths.ManagedObjectModel), cancelled.Token));
        }

        [Theory]
        [InlineData("{\"managedObjects\": [", 1, 21, "unexpected end of file")]
        [InlineData("{\"managedObjects\": [\n  {\"name\": \"A\",}\n]}", 2, 16, "expected a member name")]
        [InlineData("{\"managedObjects\": [\n  {\"name\": \"A\"}\n]} x", 3, 4, "after the end of the document")]
        [InlineData("{\"managedObjects\": [{\"name\": \"A\\q\"}]}", 1, 32, "invalid escape")]
        [InlineData("{\"managedObjects\": [{\"name\": \"A\tB\"}]}", 1, 32, "control character")]
        [InlineData("{\"managedObjects\": [{\"name\": 'A'}]}", 1, 30, "unexpected '''")]
        [InlineData("{\"managedObjects\": [01]}", 1, 22, "unexpected '1'")]
        [InlineData("{\"managedObjects\": {}}", 1, 20, "\"managedObjects\" should be an array, not object")]
        [InlineData("{\"types\": []}", 1, 1, "the document has no \"managedObjects\" member")]
        [InlineData("[1, 2]", 1, 1, "the document should be an object, not array")]
        [InlineData("{\"managedObjects\": [\n  {\"name\": 7}\n]}", 2, 12, "\"name\" of a managed object should be a string, not number")]
        [InlineData("{\"managedObjects\": [{\"name\": \"A\", \"methods\": [{\"name\": \"M_Task\", \"taskResult\": 5}]}]}", 1, 80, "the task result of method 'M_Task' of managed object 'A' should be an object")]
        [InlineData("{\"managedObjects\": [{\"name\": \"A\", \"properties\": [{\"name\": \"p\", \"type\": \"T\", \"kind\": \"data\", \"array\": \"no\"}]}]}", 1, 102, "\"array\" of property 'p' of managed object 'A' should be true or false")]
        [InlineData("", 1, 1, "unexpected end of file")]
        public void ESXG011_malformed_model_at_its_position_and_the_binding_is_generated_as_without_it(string json, int line, int column, string reason)
        {
            GeneratorDriverRunResult result = Run(json);

            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(new ExpectedDiagnostic("ESXG011", ModelPath, line, column), ExpectedDiagnostic.From(diagnostic));
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            Assert.Contains("'" + ModelPath + "'", message, StringComparison.Ordinal);
            Assert.Contains(reason, message, StringComparison.Ordinal);
            Assert.Contains("[global::EsxSdk.Tasks.VimTaskStarterAttribute(\"PowerOnMultiVM_Task\", Targets = new[] { \"this\", \"vm\" })]", Service(result), StringComparison.Ordinal);
        }

        [Fact]
        public void Nesting_deeper_than_the_bound_is_a_diagnostic_not_a_stack_overflow()
        {
            GeneratorDriverRunResult result = Run("{\"managedObjects\": " + new string('[', 100_000) + new string(']', 100_000) + "}");

            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("ESXG011", diagnostic.Id);
            Assert.Contains("nested deeper than 64 levels", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        [Fact]
        public void Unknown_members_and_a_bom_are_no_diagnostic_and_types_the_wsdl_lacks_only_an_info()
        {
            GeneratorDriverRunResult result = Run("\uFEFF" + """
                { "version": 2, "managedObjects": [
                  { "name": "Datacenter", "base": "ManagedEntity", "color": [1.5e3, -0, true, null, {"a": "\u00e9\ud83d\ude00\/"}],
                    "properties": [ { "name": "future", "type": "NotInThisWsdl", "kind": "data", "array": true, "optional": true } ],
                    "methods": [ { "name": "PowerOnMultiVM_Task", "taskResult": { "type": "NotInThisWsdlEither", "kind": "data", "array": false } },
                                 { "name": "NotInThisWsdl_Task", "taskResult": null } ] } ] }
                """);

            Assert.Equal(new[] { "ESXG012", "ESXG012" }, result.Diagnostics.Select(d => d.Id));
            Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
            Assert.Contains("[global::EsxSdk.Tasks.VimTaskStarterAttribute(\"PowerOnMultiVM_Task\", Targets = new[] { \"vm\" })]", Service(result), StringComparison.Ordinal);
        }

        [Fact]
        public void Json_strings_unescape_and_numbers_keep_their_text()
        {
            JsonValue value = JsonReader.Read("[\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\ud83d\\ude00\", -12.5E+3, 0]", CancellationToken.None);

            Assert.Equal("a\"\\/\b\f\n\r\tA\U0001F600", value.Items[0].Text);
            Assert.Equal(("-12.5E+3", "0"), (value.Items[1].Text, value.Items[2].Text));
        }

        /// <summary>The TaskTargets fixture's WSDL with <paramref name="json"/> as the model (at <see cref="ModelPath"/>).</summary>
        private static GeneratorDriverRunResult Run(string json)
        {
            IEnumerable<AdditionalText> files = Fixture.Load("TaskTargets").Inputs().Where(f => !GeneratorHarness.IsJson(f))
                .Append(new InMemoryAdditionalText(ModelPath, json));
            GeneratorDriverRunResult result = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.EmptyCompilation()).GetRunResult();
            Assert.Null(result.Results.Single().Exception);
            return result;
        }

        private static string Service(GeneratorDriverRunResult result)
            => string.Concat(result.Results.Single().GeneratedSources.Where(s => s.HintName.StartsWith("Vim25.Service.", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
    }
}
