using System.Collections.Generic;
using System.Threading;
using EsxSdk.Generator.Diagnostics;
using EsxSdk.Generator.Model;

namespace EsxSdk.Generator.Parsing
{
    /// <summary>
    /// Reads the managed-object model (shared/vmodl/README.md: <c>{ "managedObjects": [ { "name", "base", "properties",
    /// "methods" } ] }</c>) into a <see cref="ManagedObjectDocument"/>. Members it does not use (<c>faults</c>,
    /// the properties' <c>since</c> and <c>privilege</c>, ...) and unknown ones are ignored, so newer files still read. A file that is not
    /// JSON, or not of that shape, yields no types and one diagnostic with the line and column: the binding is then
    /// generated as without a model.
    /// </summary>
    internal static class ManagedObjectModelParser
    {
        public static ManagedObjectDocument Parse(string path, string text, CancellationToken cancellationToken)
        {
            try
            {
                JsonValue root = JsonReader.Read(text, cancellationToken);
                return new ManagedObjectDocument(path, ReadTypes(root, cancellationToken).ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);
            }
            catch (JsonReaderException ex)
            {
                var position = new SourcePosition(path, ex.Line, ex.Column);
                DiagnosticInfo diagnostic = DiagnosticInfo.Create(GeneratorDescriptors.MalformedManagedObjectModel, position, path, ex.Message);
                return new ManagedObjectDocument(path, EquatableArray<ManagedObjectTypeDecl>.Empty, new[] { diagnostic }.ToEquatableArray());
            }
        }

        private static List<ManagedObjectTypeDecl> ReadTypes(JsonValue root, CancellationToken cancellationToken)
        {
            Expect(root, JsonKind.Object, "the document");
            JsonValue managedObjects = Required(root, "managedObjects", "the document");
            Expect(managedObjects, JsonKind.Array, "\"managedObjects\"");
            var types = new List<ManagedObjectTypeDecl>(managedObjects.Items.Count);
            foreach (JsonValue entry in managedObjects.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Expect(entry, JsonKind.Object, "a managed object");
                string name = RequiredString(entry, "name", "a managed object");
                string where = "managed object '" + name + "'";
                types.Add(new ManagedObjectTypeDecl(
                    name,
                    OptionalString(entry, "base", where),
                    List(entry, "properties", where, ReadProperty).ToEquatableArray(),
                    List(entry, "methods", where, ReadMethod).ToEquatableArray()));
            }

            return types;
        }

        private static ManagedPropertyDecl ReadProperty(JsonValue property, string owner)
        {
            string name = RequiredString(property, "name", "a property of " + owner);
            string where = "property '" + name + "' of " + owner;
            return new ManagedPropertyDecl(name, ReadTypeRef(property, where), OptionalBool(property, "optional", where));
        }

        private static ManagedMethodDecl ReadMethod(JsonValue method, string owner)
        {
            string name = RequiredString(method, "name", "a method of " + owner);
            string methodWhere = "method '" + name + "' of " + owner;
            string? since = OptionalString(method, "since", methodWhere);
            string? privilege = OptionalString(method, "privilege", methodWhere);
            JsonValue? taskResult = method.Member("taskResult");
            if (taskResult == null)
            {
                return new ManagedMethodDecl(name, false, null, since, privilege);
            }

            string where = "the task result of " + methodWhere;
            if (taskResult.Kind == JsonKind.Null)
            {
                return new ManagedMethodDecl(name, true, null, since, privilege);
            }

            Expect(taskResult, JsonKind.Object, where);
            return new ManagedMethodDecl(name, true, ReadTypeRef(taskResult, where), since, privilege);
        }

        /// <summary>The <c>type</c>, <c>kind</c> and <c>array</c> members of a property or task result.</summary>
        private static ManagedTypeRef ReadTypeRef(JsonValue value, string where)
            => new(RequiredString(value, "type", where), RequiredString(value, "kind", where), OptionalBool(value, "array", where));

        /// <summary>The items of an optional array member (absent or null: none), each read by <paramref name="read"/>.</summary>
        private static List<T> List<T>(JsonValue owner, string name, string where, System.Func<JsonValue, string, T> read)
        {
            var result = new List<T>();
            JsonValue? list = owner.Member(name);
            if (list == null || list.Kind == JsonKind.Null)
            {
                return result;
            }

            Expect(list, JsonKind.Array, "\"" + name + "\" of " + where);
            foreach (JsonValue item in list.Items)
            {
                Expect(item, JsonKind.Object, "an item of \"" + name + "\" of " + where);
                result.Add(read(item, where));
            }

            return result;
        }

        private static JsonValue Required(JsonValue owner, string name, string where)
            => owner.Member(name) ?? throw new JsonReaderException(where + " has no \"" + name + "\" member", owner.Line, owner.Column);

        private static string RequiredString(JsonValue owner, string name, string where)
        {
            JsonValue value = Required(owner, name, where);
            Expect(value, JsonKind.String, "\"" + name + "\" of " + where);
            return value.Text!;
        }

        private static string? OptionalString(JsonValue owner, string name, string where)
        {
            JsonValue? value = owner.Member(name);
            if (value == null || value.Kind == JsonKind.Null)
            {
                return null;
            }

            Expect(value, JsonKind.String, "\"" + name + "\" of " + where);
            return value.Text;
        }

        private static bool OptionalBool(JsonValue owner, string name, string where)
        {
            JsonValue? value = owner.Member(name);
            if (value == null || value.Kind == JsonKind.Null)
            {
                return false;
            }

            if (value.Kind != JsonKind.True && value.Kind != JsonKind.False)
            {
                throw Shape(value, "\"" + name + "\" of " + where, "true or false");
            }

            return value.Kind == JsonKind.True;
        }

        private static void Expect(JsonValue value, JsonKind kind, string what)
        {
            if (value.Kind != kind)
            {
                throw Shape(value, what, kind switch
                {
                    JsonKind.Object => "an object",
                    JsonKind.Array => "an array",
                    _ => "a string",
                });
            }
        }

        private static JsonReaderException Shape(JsonValue value, string what, string expected)
            => new(what + " should be " + expected + ", not " + value.Kind.ToString().ToLowerInvariant(), value.Line, value.Column);
    }
}
