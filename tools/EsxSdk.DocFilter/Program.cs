using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace EsxSdk.DocFilter
{
    /// <summary>
    /// Removes from a documentation file the members that are not visible outside the assembly (internal types, internal
    /// members of public types), read from the compiled metadata: the compiler documents everything, the package shows the API.
    /// Usage: <c>EsxSdk.DocFilter ASSEMBLY DOCUMENTATION</c> (rewrites DOCUMENTATION in place).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: EsxSdk.DocFilter ASSEMBLY DOCUMENTATION");
                return 2;
            }

            Dictionary<string, HashSet<string>> visible = VisibleMembers(args[0]);
            XDocument doc = XDocument.Load(args[1]);
            XElement[] hidden = [.. doc.Descendants("member").Where(m => !IsVisible((string?)m.Attribute("name") ?? string.Empty, visible))];
            foreach (XElement member in hidden)
            {
                member.Remove();
            }

            doc.Save(args[1]);
            Console.WriteLine("EsxSdk.DocFilter: removed the documentation of " + hidden.Length + " members not visible outside " + Path.GetFileName(args[0]));
            return 0;
        }

        /// <summary>Whether a documentation id (T:, M:, P:, F:, E:) names a type or member visible outside the assembly.</summary>
        private static bool IsVisible(string id, Dictionary<string, HashSet<string>> visible)
        {
            if (id.Length < 2 || id[1] != ':')
            {
                return true; // not a member id: keep
            }

            string full = id[2..];
            if (id[0] == 'T')
            {
                return visible.ContainsKey(full);
            }

            int parameters = full.IndexOf('(', StringComparison.Ordinal);
            full = parameters < 0 ? full : full[..parameters];
            int dot = full.LastIndexOf('.');
            string name = full[(dot + 1)..];
            int arity = name.IndexOf("``", StringComparison.Ordinal);
            name = arity < 0 ? name : name[..arity];

            // Overloads share a name: one visible overload keeps them all (mixed visibility is rare and errs on showing).
            return dot > 0 && visible.TryGetValue(full[..dot], out HashSet<string>? names) && names.Contains(name);
        }

        /// <summary>Visible types by documentation name (<c>Ns.Outer.Inner`1</c>) with the names of their visible members (<c>#ctor</c> for constructors).</summary>
        private static Dictionary<string, HashSet<string>> VisibleMembers(string assembly)
        {
            using FileStream stream = File.OpenRead(assembly);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var visible = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(handle);
                if (!IsVisible(md, type))
                {
                    continue;
                }

                var members = new HashSet<string>(StringComparer.Ordinal);
                members.UnionWith(type.GetMethods().Select(md.GetMethodDefinition).Where(m => IsVisible(m.Attributes)).Select(m => md.GetString(m.Name).Replace('.', '#')));
                members.UnionWith(type.GetProperties().Select(md.GetPropertyDefinition).Where(p => IsVisible(md, p.GetAccessors().Getter) || IsVisible(md, p.GetAccessors().Setter)).Select(p => md.GetString(p.Name)));
                members.UnionWith(type.GetEvents().Select(md.GetEventDefinition).Where(e => IsVisible(md, e.GetAccessors().Adder)).Select(e => md.GetString(e.Name)));
                members.UnionWith(type.GetFields().Select(md.GetFieldDefinition).Where(f => (f.Attributes & FieldAttributes.FieldAccessMask) is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem).Select(f => md.GetString(f.Name)));
                visible[NameOf(md, type)] = members;
            }

            return visible;
        }

        private static string NameOf(MetadataReader md, TypeDefinition type) => type.GetDeclaringType().IsNil
            ? (type.Namespace.IsNil || md.GetString(type.Namespace).Length == 0 ? string.Empty : md.GetString(type.Namespace) + ".") + md.GetString(type.Name)
            : NameOf(md, md.GetTypeDefinition(type.GetDeclaringType())) + "." + md.GetString(type.Name);

        private static bool IsVisible(MetadataReader md, TypeDefinition type)
        {
            TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
            return type.GetDeclaringType().IsNil
                ? visibility == TypeAttributes.Public
                : visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem
                  && IsVisible(md, md.GetTypeDefinition(type.GetDeclaringType()));
        }

        private static bool IsVisible(MetadataReader md, MethodDefinitionHandle accessor)
            => !accessor.IsNil && IsVisible(md.GetMethodDefinition(accessor).Attributes);

        private static bool IsVisible(MethodAttributes attributes)
            => (attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;
    }
}
