using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Linking
{
    /// <summary>
    /// Follows wsdl:import and xsd:include/import among the AdditionalFiles: by path relative to the
    /// referring file first, else by file name. Finds the single root WSDL and the files it reaches.
    /// </summary>
    internal sealed class DocumentSet
    {
        private readonly Dictionary<string, SchemaDocument> byPath = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<SchemaDocument>> byFileName = new(StringComparer.OrdinalIgnoreCase);

        private DocumentSet(ImmutableArray<SchemaDocument> documents)
        {
            foreach (SchemaDocument document in documents)
            {
                this.byPath[NormalizePath(document.Path)] = document;
                string fileName = FileNameOf(document.Path);
                if (!this.byFileName.TryGetValue(fileName, out List<SchemaDocument>? list))
                {
                    this.byFileName[fileName] = list = new List<SchemaDocument>();
                }

                list.Add(document);
            }
        }

        /// <summary>Reachable documents in breadth-first order from the root(s); empty when there is no valid root.</summary>
        public static ImmutableArray<SchemaDocument> Reachable(ImmutableArray<SchemaDocument> documents, List<DiagnosticInfo> diagnostics)
        {
            var set = new DocumentSet(documents);
            var referenced = new HashSet<SchemaDocument>();
            foreach (SchemaDocument document in documents)
            {
                foreach (DocumentReference reference in document.References)
                {
                    if (set.Resolve(document, reference) is { } target && !ReferenceEquals(target, document))
                    {
                        referenced.Add(target);
                    }
                }
            }

            var roots = documents.Where(d => d.Kind == DocumentKind.Wsdl && !referenced.Contains(d)).ToList();
            if (roots.Count > 1)
            {
                List<string> paths = roots.Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
                var secondRoot = new SourcePosition(paths[1], 1, 1);
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.AmbiguousRoot, secondRoot, string.Join(", ", paths)));
                return ImmutableArray<SchemaDocument>.Empty;
            }

            if (roots.Count == 0)
            {
                // A schema-only set (no WSDL): every schema nobody includes is a root.
                roots = documents.Where(d => d.Kind == DocumentKind.Schema && !referenced.Contains(d)).ToList();
            }

            var visited = new HashSet<SchemaDocument>();
            var order = ImmutableArray.CreateBuilder<SchemaDocument>();
            var queue = new Queue<SchemaDocument>(roots.OrderBy(r => r.Path, StringComparer.Ordinal));
            while (queue.Count > 0)
            {
                SchemaDocument document = queue.Dequeue();
                if (!visited.Add(document))
                {
                    continue;
                }

                order.Add(document);
                foreach (DocumentReference reference in document.References)
                {
                    SchemaDocument? target = set.Resolve(document, reference);
                    if (target == null)
                    {
                        string kind = reference.Kind == ReferenceKind.WsdlImport ? "wsdl:import" : reference.Kind == ReferenceKind.SchemaInclude ? "xsd:include" : "xsd:import";
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.UnresolvedReference, reference.Position, kind, reference.Location, FileNameOf(document.Path)));
                    }
                    else if (!visited.Contains(target))
                    {
                        queue.Enqueue(target);
                    }
                }
            }

            return order.ToImmutable();
        }

        private SchemaDocument? Resolve(SchemaDocument from, DocumentReference reference)
        {
            string location = reference.Location;
            if (!location.Contains("://"))
            {
                try
                {
                    string? directory = Path.GetDirectoryName(from.Path);
                    string candidate = NormalizePath(Path.Combine(directory ?? string.Empty, location));
                    if (this.byPath.TryGetValue(candidate, out SchemaDocument? exact))
                    {
                        return exact;
                    }
                }
                catch (ArgumentException)
                {
                    // Not a usable relative path; fall back to the file name below.
                }
            }

            if (this.byFileName.TryGetValue(FileNameOf(location), out List<SchemaDocument>? matches))
            {
                // Prefer a file in the referring file's folder when several share the name.
                string? folder = SafeDirectory(from.Path);
                return matches.FirstOrDefault(m => SafeDirectory(m.Path) == folder) ?? (matches.Count == 1 ? matches[0] : null);
            }

            return null;
        }

        private static string FileNameOf(string location)
        {
            int slash = Math.Max(location.LastIndexOf('/'), location.LastIndexOf('\\'));
            string name = slash < 0 ? location : location.Substring(slash + 1);
            int query = name.IndexOf('?');
            return query < 0 ? name : name.Substring(0, query);
        }

        private static string? SafeDirectory(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? string.Empty : path.Substring(0, slash);
        }

        private static string NormalizePath(string path)
        {
            try
            {
                return Path.GetFullPath(path).Replace('\\', '/');
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return path.Replace('\\', '/');
            }
        }
    }
}
