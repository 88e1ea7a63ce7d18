using System.Text;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>A small indented text writer for generated C# (four spaces per level, '\n' line ends).</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder builder = new(16 * 1024);
        private int indent;

        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                this.builder.Append(' ', this.indent * 4);
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

        public override string ToString() => this.builder.ToString();
    }
}
