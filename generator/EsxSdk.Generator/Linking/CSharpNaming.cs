using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace EsxSdk.Generator.Linking
{
    /// <summary>Turns wire names into C# identifiers: PascalCase, valid characters, no keyword, no clash.</summary>
    internal static class CSharpNaming
    {
        public static string ToPascalCase(string wireName)
        {
            var builder = new StringBuilder(wireName.Length + 1);
            bool upperNext = true;
            foreach (char c in wireName)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    // '_', '-', '.', ' ' and the like separate words; the next letter starts one.
                    upperNext = true;
                }
            }

            if (builder.Length == 0 || char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            string name = builder.ToString();
            return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.VarKeyword
                ? "@" + name
                : name;
        }

        /// <summary>A parameter name: camelCase, escaped with '@' when it is a keyword (<c>_this</c> gives <c>@this</c>).</summary>
        public static string ToCamelCase(string wireName)
        {
            string pascal = ToPascalCase(wireName).TrimStart('@');
            string camel = pascal.Length > 1 && pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
            return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
        }

        /// <summary>The field behind a simpleContent attribute's property (<c>Type</c> gives <c>attributeType</c>).</summary>
        public static string AttributeField(string propertyName) => "attribute" + propertyName.TrimStart('@');

        /// <summary>
        /// The constructor parameter of a simpleContent attribute's property: camelCase, escaped when a keyword, and
        /// never <c>value</c>, the text content's parameter.
        /// </summary>
        public static string AttributeParameter(string propertyName)
        {
            string bare = propertyName.TrimStart('@');
            string camel = char.ToLowerInvariant(bare[0]) + bare.Substring(1);
            if (camel == "value")
            {
                return "attributeValue";
            }

            return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
        }

        /// <summary>Returns <paramref name="candidate"/>, or it with a numeric suffix, not yet in <paramref name="taken"/>; records the result.</summary>
        public static string MakeUnique(string candidate, ISet<string> taken, string clashSuffix)
        {
            string name = candidate;
            if (taken.Contains(name))
            {
                name = candidate + clashSuffix;
            }

            for (int i = 2; taken.Contains(name); i++)
            {
                name = candidate + clashSuffix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            return name;
        }
    }
}
