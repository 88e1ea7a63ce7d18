using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace EsxSdk.Generator.Tests.Support
{
    /// <summary>
    /// One folder under Fixtures/: WSDL/XSD inputs in input/ (or a subfolder of it) and the sources the
    /// generator should produce for them in expected/, one file per hint name.
    /// </summary>
    internal sealed class Fixture
    {
        /// <summary>The namespace every fixture is generated into (build_property.VimNamespace).</summary>
        public const string Namespace = "Fixture.Vim25";

        /// <summary>Set to 1 to write the generator's actual output into expected/ instead of only comparing.</summary>
        public const string UpdateVariable = "ESXSDK_UPDATE_FIXTURES";

        private Fixture(string name, string inputFolder)
        {
            this.Name = name;
            this.Folder = Path.Combine(Root, name);
            this.InputFolder = Path.Combine(this.Folder, inputFolder);
            this.ExpectedFolder = Path.Combine(this.Folder, "expected");
        }

        /// <summary>The Fixtures folder of the source tree (not the build output, so expected/ can be rewritten).</summary>
        public static string Root => typeof(Fixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GeneratorFixturesRoot")?.Value
            ?? throw new InvalidOperationException("Assembly metadata 'GeneratorFixturesRoot' is missing; see EsxSdk.Generator.Tests.csproj.");

        public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

        public string Name { get; }

        public string Folder { get; }

        public string InputFolder { get; }

        public string ExpectedFolder { get; }

        /// <param name="name">The folder under Fixtures/.</param>
        /// <param name="inputFolder">The inputs, relative to the fixture folder (input/ unless a fixture has several).</param>
        public static Fixture Load(string name, string inputFolder = "input")
        {
            var fixture = new Fixture(name, inputFolder);
            if (!Directory.Exists(fixture.InputFolder))
            {
                throw new DirectoryNotFoundException("Fixture input folder not found: " + fixture.InputFolder);
            }

            return fixture;
        }

        /// <summary>
        /// The inputs as AdditionalFiles, under a virtual path (/fixtures/NAME/...) so that positions and
        /// results do not depend on where the repository is checked out.
        /// </summary>
        public IReadOnlyList<AdditionalText> Inputs()
        {
            string virtualRoot = "/fixtures/" + this.Name + "/";
            return Directory.GetFiles(this.InputFolder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(this.InputFolder, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (AdditionalText)new InMemoryAdditionalText(virtualRoot + f, File.ReadAllText(Path.Combine(this.InputFolder, f))))
                .ToList();
        }

        /// <summary>The checked-in expected sources by hint name, in ordinal order of the hint name.</summary>
        public IReadOnlyList<(string HintName, string Text)> Expected()
        {
            if (!Directory.Exists(this.ExpectedFolder))
            {
                return Array.Empty<(string, string)>();
            }

            return Directory.GetFiles(this.ExpectedFolder, "*.cs")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
                .ToList();
        }

        /// <summary>Replaces expected/ with <paramref name="sources"/>.</summary>
        public void WriteExpected(IEnumerable<(string HintName, string Text)> sources)
        {
            Directory.CreateDirectory(this.ExpectedFolder);
            foreach (string stale in Directory.GetFiles(this.ExpectedFolder, "*.cs"))
            {
                File.Delete(stale);
            }

            foreach ((string hintName, string text) in sources)
            {
                File.WriteAllText(Path.Combine(this.ExpectedFolder, hintName), text);
            }
        }
    }
}
