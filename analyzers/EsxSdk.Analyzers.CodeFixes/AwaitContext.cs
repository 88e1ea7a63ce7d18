using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EsxSdk.Analyzers.CodeFixes
{
    /// <summary>Where an <c>await</c> may be written: fixes that add one are offered only there.</summary>
    internal static class AwaitContext
    {
        public static bool AllowsAwait(SyntaxNode node)
        {
            foreach (SyntaxNode ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case LockStatementSyntax:
                        return false;
                    case AnonymousFunctionExpressionSyntax lambda:
                        return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case GlobalStatementSyntax:
                        return true;
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Whether a function boundary (lambda, local function) lies between <paramref name="inner"/> and <paramref name="outer"/>.</summary>
        public static bool CrossesFunction(SyntaxNode inner, SyntaxNode outer) => inner.Ancestors()
            .TakeWhile(a => a != outer)
            .Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);
    }
}
