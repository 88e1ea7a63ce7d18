using System;
using System.Collections.Generic;

namespace EsxSdk.Session
{
    /// <summary>
    /// Where and how to connect, from a libvirt-style URI (<c>esx://[user@]host[:port]/?no_verify=1</c>,
    /// <c>vpx://user@vcenter/dc/cluster/host</c>) or a plain SDK URL (<c>https://host/sdk</c>).
    /// Query: <c>no_verify=0|1</c> (skip certificate checks), <c>auto_answer=0|1</c> (question policy for
    /// the task runner), <c>transport=https|http</c>, <c>thumbprint=SHA256-hex</c> (pin the certificate),
    /// <c>allow_plaintext=0|1</c> (plain HTTP to a host that is not loopback; refused without it).
    /// A password in the URI is refused: it would end up in logs and shell histories.
    /// </summary>
    public sealed record VimConnectionUri
    {
        private VimConnectionUri(Uri sdkUri, string? userName, string? inventoryPath, bool noVerify, bool autoAnswer, string? thumbprint, string scheme, bool allowPlaintext)
        {
            this.AllowPlaintext = allowPlaintext;
            this.SdkUri = sdkUri;
            this.UserName = userName;
            this.InventoryPath = inventoryPath;
            this.NoVerify = noVerify;
            this.AutoAnswer = autoAnswer;
            this.Thumbprint = thumbprint;
            this.Scheme = scheme;
        }

        /// <summary>The SOAP endpoint, e.g. <c>https://esx1.example.com/sdk</c>.</summary>
        public Uri SdkUri { get; }

        /// <summary>The user name from the URI, if any (the password comes from credentials).</summary>
        public string? UserName { get; }

        /// <summary>For <c>vpx://</c> URIs, the inventory path after the host (e.g. <c>dc1/cluster1/esx1</c>).</summary>
        public string? InventoryPath { get; }

        /// <summary>Whether certificate verification was explicitly turned off (<c>no_verify=1</c>).</summary>
        public bool NoVerify { get; }

        /// <summary>The question policy: false (<c>auto_answer=0</c>, the default) reports, true answers with the default choice.</summary>
        public bool AutoAnswer { get; }

        /// <summary>A pinned SHA-256 certificate thumbprint (hex, no separators), if given.</summary>
        public string? Thumbprint { get; }

        /// <summary>The scheme given: esx, vpx, https or http.</summary>
        public string Scheme { get; }

        /// <summary>Whether plain HTTP to a host that is not loopback was explicitly allowed (<c>allow_plaintext=1</c>).</summary>
        public bool AllowPlaintext { get; }

        /// <summary>Whether the endpoint is plain HTTP to a host other than loopback (127.0.0.0/8, ::1, localhost): the password would travel in clear text.</summary>
        public bool IsPlaintextToRemoteHost => this.SdkUri.Scheme == Uri.UriSchemeHttp && !IsLoopbackHost(this.SdkUri.Host);

        /// <summary>
        /// Throws <see cref="VimConnectionException"/> for plain HTTP to a host that is not loopback unless <c>allow_plaintext=1</c>:
        /// called before any connection is made.
        /// </summary>
        public void EnsurePlaintextAllowed()
        {
            if (this.IsPlaintextToRemoteHost && !this.AllowPlaintext)
            {
                throw new VimConnectionException(
                    "Refusing to connect to " + this.SdkUri + " over plain HTTP: " + this.SdkUri.Host + " is not a loopback address, so the password and the session cookie would travel in clear text. "
                    + "Use https (the default for esx://, vpx:// and https:// URIs), or add allow_plaintext=1 to the URI if this network is trusted.",
                    this.SdkUri,
                    null);
            }
        }

        /// <summary>Parses a connection URI; throws <see cref="FormatException"/> saying what is wrong.</summary>
        public static VimConnectionUri Parse(string uri)
        {
            ArgumentNullException.ThrowIfNull(uri);
            if (!Uri.TryCreate(uri.Trim(), UriKind.Absolute, out Uri? parsed) || string.IsNullOrEmpty(parsed.Host))
            {
                throw new FormatException("'" + Redact(uri) + "' is not a connection URI: expected esx://[user@]host[:port]/, vpx://user@vcenter/... or https://host/sdk.");
            }

            string scheme = parsed.Scheme.ToLowerInvariant();
            if (scheme is not ("esx" or "gsx" or "vpx" or "https" or "http"))
            {
                throw new FormatException("Unknown scheme '" + parsed.Scheme + "' in '" + Redact(uri) + "': use esx, vpx, https or http.");
            }

            if (Uri.UnescapeDataString(parsed.UserInfo).Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException("The URI '" + Redact(uri) + "' contains a password: pass it as credentials instead.");
            }

            Dictionary<string, string> query = ParseQuery(parsed, uri);
            bool noVerify = Flag(query, "no_verify", uri);
            bool autoAnswer = Flag(query, "auto_answer", uri);
            bool allowPlaintext = Flag(query, "allow_plaintext", uri);
            string? thumbprint = query.TryGetValue("thumbprint", out string? pin) ? NormalizeThumbprint(pin, uri) : null;
            string transport = query.TryGetValue("transport", out string? t) ? t.ToLowerInvariant() : scheme == "http" ? "http" : "https";
            if (transport is not ("https" or "http"))
            {
                throw new FormatException("transport='" + t + "' in '" + Redact(uri) + "': use https or http.");
            }

            foreach (string key in query.Keys)
            {
                if (key.ToLowerInvariant() is not ("no_verify" or "auto_answer" or "thumbprint" or "transport" or "allow_plaintext"))
                {
                    throw new FormatException("Unknown query parameter '" + key + "' in '" + Redact(uri) + "': known are no_verify, auto_answer, transport, thumbprint, allow_plaintext.");
                }
            }

            bool isLibvirtStyle = scheme is "esx" or "gsx" or "vpx";
            string path = isLibvirtStyle ? "/sdk" : (parsed.AbsolutePath is "" or "/" ? "/sdk" : parsed.AbsolutePath);
            var sdk = new UriBuilder(transport, parsed.Host, parsed.IsDefaultPort && isLibvirtStyle ? -1 : parsed.Port, path).Uri;
            string? user = parsed.UserInfo.Length == 0 ? null : Uri.UnescapeDataString(parsed.UserInfo);
            string? inventory = scheme == "vpx" ? parsed.AbsolutePath.Trim('/') : null;
            return new VimConnectionUri(sdk, user, string.IsNullOrEmpty(inventory) ? null : Uri.UnescapeDataString(inventory), noVerify, autoAnswer, thumbprint, scheme, allowPlaintext);
        }

        /// <summary>The URI without secrets (it never holds any).</summary>
        public override string ToString()
            => this.Scheme + "://" + (this.UserName is null ? string.Empty : Uri.EscapeDataString(this.UserName) + "@") + this.SdkUri.Authority + this.SdkUri.AbsolutePath
               + (this.NoVerify ? " (no_verify)" : string.Empty) + (this.AutoAnswer ? " (auto_answer)" : string.Empty);

        private static bool IsLoopbackHost(string host)
            => host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out System.Net.IPAddress? address) && System.Net.IPAddress.IsLoopback(address));

        private static Dictionary<string, string> ParseQuery(Uri parsed, string original)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string part in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = part.IndexOf('=', StringComparison.Ordinal);
                string key = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
                string value = equals < 0 ? string.Empty : Uri.UnescapeDataString(part[(equals + 1)..]);
                if (!result.TryAdd(key, value))
                {
                    throw new FormatException("Query parameter '" + key + "' appears twice in '" + Redact(original) + "'.");
                }
            }

            return result;
        }

        private static bool Flag(Dictionary<string, string> query, string name, string original)
        {
            if (!query.TryGetValue(name, out string? value))
            {
                return false;
            }

            return value switch
            {
                "1" => true,
                "0" => false,
                _ => throw new FormatException(name + "='" + value + "' in '" + Redact(original) + "': use 0 or 1."),
            };
        }

        private static string NormalizeThumbprint(string value, string original)
        {
            string hex = value.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            if (hex.Length != 64 || hex.AsSpan().IndexOfAnyExcept("0123456789ABCDEF") >= 0)
            {
                throw new FormatException("thumbprint in '" + Redact(original) + "' must be a SHA-256 hash: 64 hex digits (colons allowed).");
            }

            return hex;
        }

        /// <summary>Removes a password from a URI string before it goes into a message.</summary>
        private static string Redact(string uri)
        {
            int scheme = uri.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                return uri;
            }

            int authorityStart = scheme + 3;
            int pathStart = uri.IndexOfAny(['/', '?', '#'], authorityStart);
            int authorityEnd = pathStart < 0 ? uri.Length : pathStart;

            // The last '@' ends the user info: a password may itself hold '@'.
            int at = uri.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
            if (at < 0)
            {
                return uri;
            }

            // A password may also hide behind an escaped colon (%3A).
            string userInfo = uri[authorityStart..at];
            int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            int escaped = userInfo.IndexOf("%3A", StringComparison.OrdinalIgnoreCase);
            int cut = colon < 0 ? escaped : escaped < 0 ? colon : Math.Min(colon, escaped);
            return cut < 0 ? uri : uri[..(authorityStart + cut)] + ":***" + uri[at..];
        }
    }
}
