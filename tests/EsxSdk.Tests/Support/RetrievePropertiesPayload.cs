using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace EsxSdk.Tests.Support
{
    /// <summary>
    /// A RetrievePropertiesEx response of any size: the captured response of one VM (all properties, about 16 KB)
    /// with its <c>objects</c> repeated, each with its own moref value (vm-0, vm-1, ...).
    /// </summary>
    internal static class RetrievePropertiesPayload
    {
        private const string CapturedMoref = ">vm-57<";

        public static string Build(int objects)
        {
            string captured = File.ReadAllText(CapturedResponse.PathOf("RetrievePropertiesEx-vm-all.xml"));
            int start = captured.IndexOf("<objects>", StringComparison.Ordinal);
            int end = captured.LastIndexOf("</objects>", StringComparison.Ordinal) + "</objects>".Length;
            string one = captured[start..end];
            var xml = new StringBuilder(start + ((end - start + 8) * objects) + (captured.Length - end));
            xml.Append(captured, 0, start);
            for (int i = 0; i < objects; i++)
            {
                xml.Append(one.Replace(CapturedMoref, ">vm-" + i.ToString(CultureInfo.InvariantCulture) + "<", StringComparison.Ordinal));
            }

            xml.Append(captured, end, captured.Length - end);
            return xml.ToString();
        }

        /// <summary>Where the <paramref name="index"/>-th object starts, to cut a response between two objects.</summary>
        public static int ObjectStart(string payload, int index)
        {
            int at = -1;
            for (int i = 0; i <= index; i++)
            {
                at = payload.IndexOf("<objects>", at + 1, StringComparison.Ordinal);
            }

            return at;
        }
    }
}
