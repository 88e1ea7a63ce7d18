using System.Collections.Generic;

namespace EsxSdk.Generator.Emitting
{
    /// <summary>
    /// A call to print: the callee (receiver, method and type arguments) and its arguments, so a statement can wrap
    /// the arguments (<see cref="IndentedWriter.List"/>) while a nested use prints it on one line (<see cref="ToString"/>).
    /// </summary>
    internal sealed class Call
    {
        public Call(string callee, params string[] arguments)
        {
            this.Callee = callee;
            this.Arguments = arguments;
        }

        public string Callee { get; }

        public IReadOnlyList<string> Arguments { get; }

        public override string ToString() => this.Callee + "(" + string.Join(", ", this.Arguments) + ")";
    }
}
