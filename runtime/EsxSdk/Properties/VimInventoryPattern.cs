using System;

namespace EsxSdk.Properties
{
    /// <summary>
    /// One element of an inventory path matched against a name with Go's <c>path.Match</c> rules (as govc and govmomi's finder do):
    /// <c>*</c> any run of characters, <c>?</c> one character, <c>[a-z]</c> / <c>[^0-9]</c> a character class, <c>\</c> escapes the next one.
    /// </summary>
    internal static class VimInventoryPattern
    {
        /// <summary>Whether the element has wildcards (otherwise it names one child exactly, after unescaping).</summary>
        public static bool HasWildcards(string element) => element.AsSpan().IndexOfAny("*?[\\") >= 0;

        /// <summary>Throws <see cref="ArgumentException"/> naming the element and the path when the pattern is malformed.</summary>
        public static void Validate(string element, string path)
        {
            for (int i = 0; i < element.Length;)
            {
                switch (element[i])
                {
                    case '\\':
                        if (i + 1 >= element.Length)
                        {
                            throw Malformed(element, path, "a '\\' with nothing to escape");
                        }

                        i += 2;
                        break;
                    case '[':
                        if (!TryReadClass(element, i, '\0', out _, out i))
                        {
                            throw Malformed(element, path, "a character class without its closing ']', empty, or with a bad range");
                        }

                        break;
                    default:
                        i++;
                        break;
                }
            }
        }

        /// <summary>Whether <paramref name="name"/> matches the (validated) <paramref name="pattern"/>.</summary>
        public static bool Matches(string pattern, string name) => Matches(pattern, 0, name, 0);

        private static bool Matches(string pattern, int p, string name, int n)
        {
            while (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    while (p < pattern.Length && pattern[p] == '*')
                    {
                        p++;
                    }

                    // Names hold no '/', so a star may take any run of the rest, shortest first.
                    for (int k = n; k <= name.Length; k++)
                    {
                        if (Matches(pattern, p, name, k))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (n == name.Length)
                {
                    return false;
                }

                switch (c)
                {
                    case '?':
                        p++;
                        break;
                    case '[':
                        if (!TryReadClass(pattern, p, name[n], out bool inClass, out p) || !inClass)
                        {
                            return false;
                        }

                        break;
                    case '\\':
                        if (pattern[p + 1] != name[n])
                        {
                            return false;
                        }

                        p += 2;
                        break;
                    default:
                        if (c != name[n])
                        {
                            return false;
                        }

                        p++;
                        break;
                }

                n++;
            }

            return n == name.Length;
        }

        // Reads the class starting at pattern[start] == '[': whether it is well formed, whether c is in it, and where it ends.
        private static bool TryReadClass(string pattern, int start, char c, out bool inClass, out int end)
        {
            inClass = false;
            int i = start + 1;
            bool negated = i < pattern.Length && pattern[i] == '^';
            if (negated)
            {
                i++;
            }

            int ranges = 0;
            bool hit = false;
            while (true)
            {
                if (i < pattern.Length && pattern[i] == ']' && ranges > 0)
                {
                    end = i + 1;
                    inClass = hit != negated;
                    return true;
                }

                if (!TryReadClassChar(pattern, ref i, out char lo))
                {
                    end = i;
                    return false;
                }

                char hi = lo;
                if (i < pattern.Length && pattern[i] == '-')
                {
                    i++;
                    if (!TryReadClassChar(pattern, ref i, out hi) || hi < lo)
                    {
                        end = i;
                        return false;
                    }
                }

                hit |= lo <= c && c <= hi;
                ranges++;
            }
        }

        // One character of a class (an escape allowed); an unescaped '-' or ']' is malformed, as in Go.
        private static bool TryReadClassChar(string pattern, ref int i, out char c)
        {
            c = '\0';
            if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
            {
                return false;
            }

            if (pattern[i] == '\\')
            {
                i++;
                if (i >= pattern.Length)
                {
                    return false;
                }
            }

            c = pattern[i++];
            return true;
        }

        private static ArgumentException Malformed(string element, string path, string what)
            => new("The inventory path '" + path + "' has a malformed pattern '" + element + "': " + what + ".", nameof(path));
    }
}
