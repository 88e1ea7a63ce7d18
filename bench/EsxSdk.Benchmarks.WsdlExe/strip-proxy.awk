# Keeps the data types of a Mono wsdl.exe proxy and drops what needs System.Web.Services (absent on .NET): the
# proxy class, its async delegates and event-args classes. The proxy's [XmlInclude] list is kept on an empty class
# (VimServiceTypes), because that list is how a wsdl.exe proxy knows the types anyType values may carry.
# wsdl.exe writes each top-level declaration at four spaces of indentation, ending with "    }" or ";".
function flush() {
    if (block ~ /SoapHttpClientProtocol/) {
        n = split(block, lines, "\n")
        for (i = 1; i <= n; i++) if (lines[i] ~ /^    \[System\.Xml\.Serialization\.XmlIncludeAttribute/) print lines[i]
        print "    public static class VimServiceTypes {"
        print "    }"
    } else if (block !~ /System\.Web\.Services|AsyncCompletedEventArgs|public delegate /) printf "%s", block
    block = ""
}
/^    using System\.Web\.Services/ { next }
/^    using / || /^namespace / || /^}$/ || (block == "" && /^\/\//) { print; next }
{ block = block $0 "\n" }
/^    }$/ || /^    public delegate .*;$/ { flush() }
END { flush() }
