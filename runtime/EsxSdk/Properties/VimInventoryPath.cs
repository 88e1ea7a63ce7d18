using System;
using System.Collections.Generic;

namespace EsxSdk.Properties
{
    /// <summary>An inventory path split into its elements: absolute when it starts with '/', without empty and '.' elements.</summary>
    internal sealed class VimInventoryPath
    {
        private VimInventoryPath(bool isAbsolute, IReadOnlyList<string> elements)
        {
            this.IsAbsolute = isAbsolute;
            this.Elements = elements;
        }

        /// <summary>Whether the path starts at the root folder.</summary>
        public bool IsAbsolute { get; }

        /// <summary>Names, patterns and "..", in order.</summary>
        public IReadOnlyList<string> Elements { get; }

        /// <summary>Splits and checks a path.</summary>
        /// <exception cref="ArgumentException">The path is empty, or an element is a malformed pattern (named with the path).</exception>
        public static VimInventoryPath Parse(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("An inventory path must not be empty; use '/' for the root folder or '.' for the finder's datacenter.", nameof(path));
            }

            var elements = new List<string>();
            foreach (string element in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (element == ".")
                {
                    continue;
                }

                VimInventoryPattern.Validate(element, path);
                elements.Add(element);
            }

            return new VimInventoryPath(path.StartsWith('/'), elements);
        }
    }
}
