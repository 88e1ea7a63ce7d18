using System;

namespace EsxSdk.Analyzers
{
    /// <summary>
    /// Whether a connection URI turns <c>auto_answer</c> on, read as <c>VimConnectionUri.Parse</c> reads it (keep the
    /// two in step): the URI is trimmed; the query runs from the first '?' to the first '#' (a '#' before the '?'
    /// leaves no query) with leading '?'s trimmed; it splits on '&amp;' (empty parts skipped), each part at its first
    /// '=' into a %-unescaped key, compared ignoring case, and a %-unescaped value; only the value "1" is on; a key
    /// given twice makes the parse fail, so the flag is not on then.
    /// </summary>
    internal static class ConnectionUriQuery
    {
        /// <summary>Stands for the value of an interpolation hole: its text is unknown.</summary>
        public const char Hole = '\uFFFF';

        private const string Key = "auto_answer";

        /// <summary>
        /// Whether <paramref name="uri"/> sets auto_answer=1. With interpolation holes (<see cref="Hole"/>) only a
        /// parameter written wholly in literal text counts, and a query may begin inside the first hole.
        /// </summary>
        public static bool SetsAutoAnswer(string uri)
        {
            string text = uri.Trim();
            int question = text.IndexOf('?');
            int hash = text.IndexOf('#');
            int start = question >= 0 ? question : text.IndexOf(Hole);
            if (start < 0 || (hash >= 0 && hash < start))
            {
                return false;
            }

            string query = text.Substring(start, (hash < 0 ? text.Length : hash) - start).TrimStart('?');
            int keys = 0;
            bool on = false;
            foreach (string part in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = part.IndexOf('=');
                string key = equals < 0 ? part : part.Substring(0, equals);
                if (key.IndexOf(Hole) >= 0 || !string.Equals(Uri.UnescapeDataString(key), Key, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string value = equals < 0 ? string.Empty : part.Substring(equals + 1);
                keys++;
                on = value.IndexOf(Hole) < 0 && Uri.UnescapeDataString(value) == "1";
            }

            return on && keys == 1;
        }
    }
}
