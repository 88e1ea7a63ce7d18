using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EsxSdk.Generator.Model;
using EsxSdk.Generator.Tests.Support;
using EsxSdk.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EsxSdk.Generator.Tests
{
    /// <summary>
    /// Step caching: what each tracked pipeline step reports on a second run, with the same inputs or
    /// with one XSD replaced. Runs on the Layouts SDK fixture (service.wsdl, binding.wsdl, three XSDs).
    /// </summary>
    public sealed class IncrementalTests
    {
        private static readonly string[] AllSteps =
        {
            TrackingNames.WsdlFiles,
            TrackingNames.ParsedDocuments,
            TrackingNames.GeneratorOptions,
            TrackingNames.Binding,
            TrackingNames.Diagnostics,
            TrackingNames.Model,
            TrackingNames.SourceFiles,
            TrackingNames.Chunks,
            TrackingNames.Registry,
        };

        private static readonly Compilation Compilation = GeneratorHarness.EmptyCompilation();

        [Fact]
        public void Second_run_with_the_same_inputs_is_cached_in_every_step()
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(Inputs(), Fixture.Namespace).RunGenerators(Compilation);

            GeneratorRunResult second = driver.RunGenerators(Compilation).GetRunResult().Results.Single();

            Assert.Null(second.Exception);
            foreach (string step in AllSteps)
            {
                Assert.True(second.TrackedSteps.ContainsKey(step), "step " + step + " was not tracked");
                AssertAllOutputs(second, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            }
        }

        [Fact]
        public void Changed_xsd_modifies_its_parsed_document_and_the_model_but_not_the_diagnostics()
        {
            GeneratorRunResult second = RunTwice(text => text, AddAboutElement);

            Dictionary<string, IncrementalStepRunReason> parsed = ParsedDocumentReasons(second);
            Assert.Equal(Inputs().Count, parsed.Count);
            Assert.Equal(IncrementalStepRunReason.Modified, parsed.Single(p => p.Key.EndsWith("/data-types.xsd", StringComparison.Ordinal)).Value);
            Assert.All(parsed.Where(p => !p.Key.EndsWith("/data-types.xsd", StringComparison.Ordinal)), p => Assert.Contains(p.Value, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
            AssertAllOutputs(second, TrackingNames.Binding, IncrementalStepRunReason.Modified);
            AssertAllOutputs(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Unchanged);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Modified);
            Assert.Contains(second.GeneratedSources, s => s.SourceText.ToString().Contains("public string? About { get; set; }", StringComparison.Ordinal));
        }

        /// <summary>
        /// A comment that moves the elements below it to other lines changes the parsed document (its
        /// declarations carry source positions for diagnostics), but not the binding, which has no
        /// positions: the binding is recomputed, compares equal, and nothing downstream re-runs.
        /// </summary>
        [Fact]
        public void Comment_that_shifts_lines_modifies_the_parsed_document_but_leaves_the_binding_unchanged()
        {
            GeneratorRunResult second = RunWithChangedVimTypes(text => text.Replace(
                "<include schemaLocation=\"base-types.xsd\" />",
                "<!-- A comment\n        over two lines. -->\n   <include schemaLocation=\"base-types.xsd\" />",
                StringComparison.Ordinal));

            Assert.Equal(IncrementalStepRunReason.Modified, ParsedDocumentReasons(second).Single(p => p.Key.EndsWith("/data-types.xsd", StringComparison.Ordinal)).Value);
            AssertAllOutputs(second, TrackingNames.Binding, IncrementalStepRunReason.Unchanged);
            AssertAllOutputs(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.SourceFiles, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.Chunks, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.Registry, IncrementalStepRunReason.Cached);
        }

        /// <summary>
        /// A comment or whitespace change that leaves every element where it was yields an equal parsed
        /// document: ParsedDocuments reports Unchanged (not Modified) and the binding is not even recomputed.
        /// </summary>
        [Fact]
        public void Comment_or_whitespace_change_in_place_leaves_the_parsed_document_unchanged()
        {
            GeneratorRunResult second = RunWithChangedVimTypes(text => text
                .Replace("including base-types.xsd again as", "including base-types.xsd AGAIN as", StringComparison.Ordinal)
                .Replace("<include schemaLocation=\"base-types.xsd\" />", "<include schemaLocation=\"base-types.xsd\"/>  ", StringComparison.Ordinal)
                + "\n\n");

            Assert.Equal(IncrementalStepRunReason.Unchanged, ParsedDocumentReasons(second).Single(p => p.Key.EndsWith("/data-types.xsd", StringComparison.Ordinal)).Value);
            AssertAllOutputs(second, TrackingNames.Binding, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.Chunks, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.Registry, IncrementalStepRunReason.Cached);
        }

        /// <summary>
        /// An error that moves to another line (a comment above it) is reported again at its new place: the diagnostics
        /// output is Modified, while the model (none, since the binding has an error) stays Unchanged.
        /// </summary>
        [Fact]
        public void Error_that_moves_modifies_the_diagnostics_output_only()
        {
            GeneratorRunResult second = RunTwice(
                text => BreakServiceContent(text),
                text => BreakServiceContent(text).Replace("<complexType name=\"ServiceContent\">", "<!-- moved -->\n   <complexType name=\"ServiceContent\">", StringComparison.Ordinal));

            AssertAllOutputs(second, TrackingNames.Binding, IncrementalStepRunReason.Modified);
            AssertAllOutputs(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Modified);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Unchanged);
            Diagnostic error = Assert.Single(second.Diagnostics);
            Assert.Equal(("ESXG004", 26), (error.Id, error.Location.GetLineSpan().StartLinePosition.Line + 1));
            Assert.Empty(second.GeneratedSources);
        }

        /// <summary>Fixing the error modifies both outputs: no diagnostics any more, and a model the emitters emit.</summary>
        [Fact]
        public void Fixing_an_error_modifies_the_diagnostics_and_the_model()
        {
            GeneratorRunResult second = RunTwice(text => BreakServiceContent(text), text => text);

            AssertAllOutputs(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Modified);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Modified);
            Assert.DoesNotContain(second.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
            AssertAllOutputs(second, TrackingNames.Chunks, IncrementalStepRunReason.New);
        }

        /// <summary>A warning that stays while the schema changes: the diagnostics output is Unchanged and still reported.</summary>
        [Fact]
        public void Warning_that_stays_leaves_the_diagnostics_output_unchanged_while_the_model_changes()
        {
            GeneratorRunResult second = RunTwice(text => text, AddAboutElement, "Not-a.namespace");

            AssertAllOutputs(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Unchanged);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Modified);
            Assert.Equal("ESXG010", Assert.Single(second.Diagnostics).Id);
        }

        [Fact]
        public void Second_run_on_the_full_70u2_wsdl_has_a_cached_binding()
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(GeneratorHarness.Folder(TestPaths.Wsdl70u2)).RunGenerators(Compilation);
            Assert.True(driver.GetRunResult().GeneratedTrees.Length > 50, "expected the full binding on the first run");

            GeneratorRunResult second = driver.RunGenerators(Compilation).GetRunResult().Results.Single();

            Assert.Null(second.Exception);
            AssertAllOutputs(second, TrackingNames.Binding, IncrementalStepRunReason.Cached);
        }

        /// <summary>The managed-object model as one more input (the TaskTargets fixture, whose model and WSDL go together).</summary>
        [Fact]
        public void Second_run_with_the_same_model_is_cached_in_every_step()
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(ModelInputs(), Fixture.Namespace).RunGenerators(Compilation);

            GeneratorRunResult second = driver.RunGenerators(Compilation).GetRunResult().Results.Single();

            Assert.Null(second.Exception);
            foreach (string step in AllSteps.Concat(new[] { TrackingNames.ManagedObjectFiles, TrackingNames.ParsedManagedObjects }))
            {
                AssertAllOutputs(second, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            }
        }

        /// <summary>
        /// The model no longer declaring PowerOnMultiVM_Task (renamed) changes its targets back to this and vm: the parsed model,
        /// the binding and the model are Modified, the WSDL's parse stays cached.
        /// </summary>
        [Fact]
        public void Changed_model_modifies_its_parsed_document_and_the_binding_but_not_the_wsdl()
        {
            GeneratorRunResult second = RunWithChangedModel(text => text.Replace("\"name\":\"PowerOnMultiVM_Task\"", "\"name\":\"PowerOnMultiVMRenamed_Task\"", StringComparison.Ordinal));

            AssertAllOutputs(second, TrackingNames.ParsedManagedObjects, IncrementalStepRunReason.Modified);
            AssertAllOutputs(second, TrackingNames.ParsedDocuments, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.Binding, IncrementalStepRunReason.Modified);

            // The renamed task's result no longer names a type the fixture lacks: one info fewer.
            AssertAllOutputs(second, TrackingNames.Diagnostics, IncrementalStepRunReason.Modified);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Modified);
            Assert.Contains(second.GeneratedSources, s => s.SourceText.ToString().Contains("VimTaskStarterAttribute(\"PowerOnMultiVM_Task\", Targets = new[] { \"this\", \"vm\" })", StringComparison.Ordinal));
        }

        /// <summary>Reformatting the model (new lines, spaces) leaves its parsed document equal: nothing downstream re-runs.</summary>
        [Fact]
        public void Reformatted_model_leaves_its_parsed_document_unchanged()
        {
            GeneratorRunResult second = RunWithChangedModel(text => "\n\n" + text.Replace(",\"", ",\n    \"", StringComparison.Ordinal));

            AssertAllOutputs(second, TrackingNames.ParsedManagedObjects, IncrementalStepRunReason.Unchanged);
            AssertAllOutputs(second, TrackingNames.Binding, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.Chunks, IncrementalStepRunReason.Cached);
        }

        /// <summary>A changed XSD leaves the model's parse cached: only the WSDL side and the link re-run.</summary>
        [Fact]
        public void Changed_wsdl_leaves_the_parsed_model_cached()
        {
            IReadOnlyList<AdditionalText> inputs = ModelInputs();
            AdditionalText wsdl = inputs.Single(f => f.Path.EndsWith(".wsdl", StringComparison.Ordinal));
            GeneratorDriver driver = GeneratorHarness.CreateDriver(inputs, Fixture.Namespace).RunGenerators(Compilation);
            string changed = wsdl.GetText()!.ToString().Replace("<xsd:element name=\"spec\" type=\"xsd:string\" />", "<xsd:element name=\"spec\" type=\"xsd:int\" />", StringComparison.Ordinal);

            driver = driver.ReplaceAdditionalText(wsdl, new InMemoryAdditionalText(wsdl.Path, changed)).RunGenerators(Compilation);
            GeneratorRunResult second = driver.GetRunResult().Results.Single();

            Assert.Null(second.Exception);
            AssertAllOutputs(second, TrackingNames.ParsedManagedObjects, IncrementalStepRunReason.Cached);
            AssertAllOutputs(second, TrackingNames.ParsedDocuments, IncrementalStepRunReason.Modified);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Modified);
        }

        /// <summary>The views and paths (ManagedObjects fixture, the runtime's own binding): a second run caches their files too.</summary>
        [Fact]
        public void Second_run_with_views_and_paths_is_cached_in_every_step()
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(Fixture.Load("ManagedObjects").Inputs(), Fixture.Namespace, ViewsOn).RunGenerators(Compilation);

            GeneratorRunResult second = driver.RunGenerators(Compilation).GetRunResult().Results.Single();

            Assert.Null(second.Exception);
            Assert.True(second.TrackedSteps.ContainsKey(TrackingNames.ObjectFiles), "step ObjectFiles was not tracked");
            AssertAllOutputs(second, TrackingNames.ObjectFiles, IncrementalStepRunReason.Cached);
        }

        /// <summary>
        /// A property added to a managed object type in the model re-emits the views file (with the new property) and
        /// leaves the binding's type files, the paths file and the service cached.
        /// </summary>
        [Fact]
        public void Changed_model_property_modifies_the_views_file_only()
        {
            IReadOnlyList<AdditionalText> inputs = Fixture.Load("ManagedObjects").Inputs();
            AdditionalText model = inputs.Single(GeneratorHarness.IsJson);
            string changed = model.GetText()!.ToString().Replace(
                "{\"name\":\"vm\",\"type\":\"VirtualMachine\"",
                "{\"name\":\"url\",\"type\":\"string\",\"kind\":\"primitive\",\"array\":false},{\"name\":\"vm\",\"type\":\"VirtualMachine\"",
                StringComparison.Ordinal);
            Assert.NotEqual(model.GetText()!.ToString(), changed);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(inputs, Fixture.Namespace, ViewsOn).RunGenerators(Compilation);

            driver = driver.ReplaceAdditionalText(model, new InMemoryAdditionalText(model.Path, changed)).RunGenerators(Compilation);
            GeneratorRunResult second = driver.GetRunResult().Results.Single();

            Assert.Null(second.Exception);
            AssertAllOutputs(second, TrackingNames.Model, IncrementalStepRunReason.Modified);
            AssertAllOutputs(second, TrackingNames.Chunks, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            IncrementalStepRunReason[] objectFiles = second.TrackedSteps[TrackingNames.ObjectFiles].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
            Assert.Equal(2, objectFiles.Length);
            Assert.Equal(IncrementalStepRunReason.Modified, objectFiles[0]);
            Assert.Contains(objectFiles[1], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
            Assert.Contains(second.GeneratedSources, s => s.SourceText.ToString().Contains("public string? Url => this.PropertyValue<string>(\"url\");", StringComparison.Ordinal));
        }

        private static readonly Dictionary<string, string> ViewsOn = new() { [VimBindingGenerator.TaskWrappersProperty] = "true" };

        private static IReadOnlyList<AdditionalText> ModelInputs() => Fixture.Load("TaskTargets").Inputs();

        /// <summary>Runs the TaskTargets fixture, then again with its model changed by <paramref name="change"/>; returns the second run.</summary>
        private static GeneratorRunResult RunWithChangedModel(Func<string, string> change)
        {
            IReadOnlyList<AdditionalText> inputs = ModelInputs();
            AdditionalText model = inputs.Single(GeneratorHarness.IsJson);
            string changedText = change(model.GetText()!.ToString());
            Assert.NotEqual(model.GetText()!.ToString(), changedText);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(inputs, Fixture.Namespace).RunGenerators(Compilation);

            driver = driver.ReplaceAdditionalText(model, new InMemoryAdditionalText(model.Path, changedText)).RunGenerators(Compilation);
            GeneratorRunResult second = driver.GetRunResult().Results.Single();
            Assert.Null(second.Exception);
            Assert.DoesNotContain(second.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
            return second;
        }

        private static IReadOnlyList<AdditionalText> Inputs() => Fixture.Load("Layouts", "input/sdk").Inputs();

        private static GeneratorRunResult RunWithChangedVimTypes(Func<string, string> change)
        {
            IReadOnlyList<AdditionalText> inputs = Inputs();
            AdditionalText old = inputs.Single(f => f.Path.EndsWith("/data-types.xsd", StringComparison.Ordinal));
            string changedText = change(old.GetText()!.ToString());
            Assert.NotEqual(old.GetText()!.ToString(), changedText);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(inputs, Fixture.Namespace).RunGenerators(Compilation);

            driver = driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(old.Path, changedText)).RunGenerators(Compilation);
            GeneratorRunResult second = driver.GetRunResult().Results.Single();
            Assert.Null(second.Exception);
            Assert.DoesNotContain(second.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
            return second;
        }

        /// <summary>
        /// Runs the generator on the Layouts fixture with data-types.xsd changed by <paramref name="first"/>, then again
        /// with it changed by <paramref name="second"/> instead; returns the second run.
        /// </summary>
        private static GeneratorRunResult RunTwice(Func<string, string> first, Func<string, string> second, string ns = Fixture.Namespace)
        {
            IReadOnlyList<AdditionalText> inputs = Inputs();
            AdditionalText original = inputs.Single(f => f.Path.EndsWith("/data-types.xsd", StringComparison.Ordinal));
            string text = original.GetText()!.ToString();
            var firstText = new InMemoryAdditionalText(original.Path, first(text));
            GeneratorDriver driver = GeneratorHarness.CreateDriver(inputs.Select(f => f == original ? firstText : f), ns).RunGenerators(Compilation);

            driver = driver.ReplaceAdditionalText(firstText, new InMemoryAdditionalText(original.Path, second(text))).RunGenerators(Compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            return result;
        }

        /// <summary>ServiceContent.rootFolder typed by an undefined type: ESXG004 on line 25 of data-types.xsd.</summary>
        private static string BreakServiceContent(string text)
        {
            string broken = text.Replace("<element name=\"rootFolder\" type=\"vim25:ManagedObjectReference\" />", "<element name=\"rootFolder\" type=\"vim25:NoSuchType\" />", StringComparison.Ordinal);
            Assert.NotEqual(text, broken);
            return broken;
        }

        private static string AddAboutElement(string text)
        {
            string changed = text.Replace(
                "<element name=\"overallStatus\"",
                "<element name=\"about\" type=\"xsd:string\" minOccurs=\"0\" />\n               <element name=\"overallStatus\"",
                StringComparison.Ordinal);
            Assert.NotEqual(text, changed);
            return changed;
        }

        /// <summary>The ParsedDocuments step's reason per file path.</summary>
        private static Dictionary<string, IncrementalStepRunReason> ParsedDocumentReasons(GeneratorRunResult run)
            => run.TrackedSteps[TrackingNames.ParsedDocuments]
                .SelectMany(step => step.Outputs)
                .ToDictionary(output => ((SchemaDocument)output.Value).Path, output => output.Reason, StringComparer.Ordinal);

        private static void AssertAllOutputs(GeneratorRunResult run, string step, params IncrementalStepRunReason[] allowed)
        {
            Assert.True(run.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> steps), "step " + step + " was not tracked");
            var outputs = steps.SelectMany(s => s.Outputs).ToList();
            Assert.True(outputs.Count > 0, "step " + step + " has no outputs");
            foreach ((object value, IncrementalStepRunReason reason) in outputs)
            {
                Assert.True(allowed.Contains(reason), "step " + step + " output " + Describe(value) + " was " + reason + ", expected " + string.Join(" or ", allowed));
            }
        }

        private static string Describe(object? value) => value switch
        {
            null => "(none)",
            SchemaDocument document => document.Path,
            ManagedObjectDocument document => document.Path,
            SourceChunk chunk => chunk.HintName,
            AdditionalText text => text.Path,
            _ => value.GetType().Name,
        };
    }
}
