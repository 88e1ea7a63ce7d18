using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using EsxSdk.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EsxSdk.Generator.Tests.Support
{
    /// <summary>Runs the generator through a real <see cref="CSharpGeneratorDriver"/> on WSDL/XSD files.</summary>
    internal static class GeneratorHarness
    {
        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            return platform.Append(typeof(IVimXmlSerializable).Assembly.Location)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        });

        public static CSharpCompilation EmptyCompilation(string name = "Consumer") => CSharpCompilation.Create(
            name,
            references: References.Value,
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>
        /// A driver over the files; the <c>.json</c> ones are the managed-object model, as a <c>VimManagedObjects</c> item
        /// marks them, unless <paramref name="isManagedObjectModel"/> says otherwise.
        /// </summary>
        public static GeneratorDriver CreateDriver(
            IEnumerable<AdditionalText> files,
            string ns = "Test.Vim25",
            IReadOnlyDictionary<string, string>? properties = null,
            Func<AdditionalText, bool>? isManagedObjectModel = null)
        {
            var options = new Dictionary<string, string> { [VimBindingGenerator.NamespaceProperty] = ns };
            foreach (KeyValuePair<string, string> property in properties ?? new Dictionary<string, string>())
            {
                options[property.Key] = property.Value;
            }

            return CSharpGeneratorDriver.Create(
                new[] { new VimBindingGenerator().AsSourceGenerator() },
                files,
                ParseOptions,
                new GlobalOptionsProvider(options, isManagedObjectModel ?? IsJson),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        }

        public static bool IsJson(AdditionalText file) => file.Path.EndsWith(".json", StringComparison.Ordinal);

        /// <summary>Generates from the files and returns the result plus the compilation with the output added.</summary>
        public static (GeneratorDriverRunResult Result, Compilation Output) Run(IEnumerable<AdditionalText> files, string ns = "Test.Vim25")
        {
            GeneratorDriver driver = CreateDriver(files, ns).RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out Compilation output, out _);
            return (driver.GetRunResult(), output);
        }

        public static IEnumerable<AdditionalText> Folder(string folder) => Directory.GetFiles(folder)
            .Where(f => f.EndsWith(".wsdl", StringComparison.Ordinal) || f.EndsWith(".xsd", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new InMemoryAdditionalText(f, File.ReadAllText(f)));
    }
}
