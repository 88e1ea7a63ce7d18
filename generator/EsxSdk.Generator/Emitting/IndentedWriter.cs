using System.Collections.Generic;
using System.Text;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>A small indented text writer for generated C# (four spaces per level, '\n' line ends).</summary>
    internal sealed class IndentedWriter
    {
        /// <summary>Lines built from lists (parameters, arguments, values) wrap one item a line beyond this width.</summary>
        public const int MaxWidth = 120;

        private const int IndentSize = 4;

        private readonly StringBuilder builder = new(16 * 1024);
        private int indent;

        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                this.builder.Append(' ', this.indent * IndentSize);
                this.builder.Append(text);
            }

            this.builder.Append('\n');
            return this;
        }

        public IndentedWriter Open(string header)
        {
            this.Line(header);
            this.Line("{");
            this.indent++;
            return this;
        }

        public IndentedWriter Close(string suffix = "")
        {
            this.indent--;
            return this.Line("}" + suffix);
        }

        /// <summary>Indents the lines that follow one level more (a switch section's statements).</summary>
        public IndentedWriter Indent()
        {
            this.indent++;
            return this;
        }

        public IndentedWriter Outdent()
        {
            this.indent--;
            return this;
        }

        /// <summary>
        /// Writes <c>head(item, item)tail</c> on one line when it fits in <see cref="MaxWidth"/>; otherwise the head
        /// with its opening parenthesis, then one item a line indented once more, the last followed by <c>)tail</c>.
        /// </summary>
        public IndentedWriter List(string head, IReadOnlyList<string> items, string tail)
        {
            string single = head + "(" + string.Join(", ", items) + ")" + tail;
            if (items.Count < 2 || this.Fits(single))
            {
                return this.Line(single);
            }

            this.Line(head + "(");
            this.indent++;
            for (int i = 0; i < items.Count; i++)
            {
                this.Line(items[i] + (i < items.Count - 1 ? "," : ")" + tail));
            }

            this.indent--;
            return this;
        }

        /// <summary>A declaration with a parameter list (wrapped as <see cref="List"/> does), then its body's opening brace.</summary>
        public IndentedWriter OpenList(string head, IReadOnlyList<string> parameters)
        {
            this.List(head, parameters, string.Empty);
            this.Line("{");
            this.indent++;
            return this;
        }

        /// <summary>
        /// Writes <c>head first separator second ... tail</c> on one line when it fits; otherwise the head with the
        /// first item, then each further item on its own line, indented once more and led by the separator.
        /// </summary>
        public IndentedWriter Chain(string head, IReadOnlyList<string> items, string separator, string tail)
        {
            string single = head + string.Join(" " + separator + " ", items) + tail;
            if (items.Count < 2 || this.Fits(single))
            {
                return this.Line(single);
            }

            this.Line(head + items[0]);
            this.indent++;
            for (int i = 1; i < items.Count; i++)
            {
                this.Line(separator + " " + items[i] + (i == items.Count - 1 ? tail : string.Empty));
            }

            this.indent--;
            return this;
        }

        /// <summary>An array initializer: <c>head { a, b }tail</c> on one line when it fits, else one item a line in braces.</summary>
        public IndentedWriter Initializer(string head, IReadOnlyList<string> items, string tail)
        {
            string single = head + " { " + string.Join(", ", items) + " }" + tail;
            if (this.Fits(single))
            {
                return this.Line(single);
            }

            this.Line(head);
            this.Line("{");
            this.indent++;
            foreach (string item in items)
            {
                this.Line(item + ",");
            }

            this.indent--;
            return this.Line("}" + tail);
        }

        public override string ToString() => this.builder.ToString();

        private bool Fits(string line) => (this.indent * IndentSize) + line.Length <= MaxWidth;
    }
}
