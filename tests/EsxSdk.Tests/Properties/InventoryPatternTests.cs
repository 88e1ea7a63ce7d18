using System;
using EsxSdk.Properties;
using Xunit;

namespace EsxSdk.Tests.Properties
{
    /// <summary>The finder's path-element patterns follow Go's path.Match (the cases from Go's match_test.go that apply to one element).</summary>
    public sealed class InventoryPatternTests
    {
        [Theory]
        [InlineData("abc", "abc", true)]
        [InlineData("*", "abc", true)]
        [InlineData("*c", "abc", true)]
        [InlineData("a*", "a", true)]
        [InlineData("a*", "abc", true)]
        [InlineData("a*b*c*d*e*", "axbxcxdxe", true)]
        [InlineData("ab[c]", "abc", true)]
        [InlineData("ab[b-d]", "abc", true)]
        [InlineData("ab[e-g]", "abc", false)]
        [InlineData("ab[^c]", "abc", false)]
        [InlineData("ab[^b-d]", "abc", false)]
        [InlineData("ab[^e-g]", "abc", true)]
        [InlineData("a\\*b", "a*b", true)]
        [InlineData("a\\*b", "ab", false)]
        [InlineData("a?b", "a☺b", true)]
        [InlineData("a[^a]b", "a☺b", true)]
        [InlineData("a???b", "a☺b", false)]
        [InlineData("[a-ζ]*", "α", true)]
        [InlineData("*[a-ζ]", "A", false)]
        [InlineData("[\\-]", "-", true)]
        [InlineData("[x\\-]", "z", false)]
        [InlineData("[\\-x]", "x", true)]
        [InlineData("*x", "xxx", true)]
        [InlineData("DC0_H0_VM*", "DC0_H0_VM1", true)]
        [InlineData("DC0_H0_VM*", "DC0_C0_RP0_VM1", false)]
        [InlineData("VM Network", "VM Network", true)]
        public void Matches_like_Go_path_Match(string pattern, string name, bool expected)
        {
            VimInventoryPattern.Validate(pattern, "/" + pattern);
            Assert.Equal(expected, VimInventoryPattern.Matches(pattern, name));
        }

        [Theory]
        [InlineData("[")]
        [InlineData("[^")]
        [InlineData("[^bc")]
        [InlineData("a[")]
        [InlineData("[]a]")]
        [InlineData("[-]")]
        [InlineData("[x-]")]
        [InlineData("[-x]")]
        [InlineData("\\")]
        [InlineData("[a-b-c]")]
        [InlineData("web[0-")]
        public void Malformed_patterns_are_refused_naming_the_path(string pattern)
        {
            ArgumentException e = Assert.Throws<ArgumentException>(() => VimInventoryPattern.Validate(pattern, "/DC0/vm/" + pattern));
            Assert.Contains("'/DC0/vm/" + pattern + "'", e.Message);
        }
    }
}
