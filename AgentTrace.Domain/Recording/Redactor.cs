using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Finds secrets: values under keys that name a secret, and text that looks like a credential
/// (bearer tokens, <c>sk-</c> keys, JWTs, private keys, cloud and chat tokens), plus configured extras.
/// </summary>
public sealed partial class Redactor
{
    public const string Mask = "[REDACTED]";

    /// <summary>Substrings that every built-in credential pattern contains.</summary>
    private static readonly SearchValues<string> s_credentialMarkers = SearchValues.Create(
        ["bearer", "sk-", "eyJ", "-----BEGIN", "AKIA", "ghp_", "gho_", "ghs_", "ghu_", "ghr_", "xox"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly string[] s_secretKeySuffixes =
        ["apikey", "password", "passwd", "passphrase", "secret", "token", "cookie", "authorization", "privatekey", "credential", "credentials", "accesskey", "sessionkey"];

    private readonly FrozenSet<string> _extraKeys;
    private readonly Regex[] _extraPatterns;

    public Redactor(IOptions<RedactionOptions> options)
    {
        var value = options.Value;
        _extraKeys = value.Keys.Select(Normalize).ToFrozenSet(StringComparer.Ordinal);
        _extraPatterns = [.. value.Patterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)))];
    }

    /// <summary>True when values under this key must never be stored.</summary>
    public bool IsSecretKey(string key)
    {
        Span<char> buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        var normalized = buffer[..Normalize(key, buffer)];
        foreach (var suffix in s_secretKeySuffixes)
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return _extraKeys.Count > 0 && _extraKeys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(normalized);
    }

    /// <summary>The text with every credential-looking part replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (MayHoldCredential(text))
        {
            text = BuiltInSecrets().Replace(text, Mask);
        }

        foreach (var pattern in _extraPatterns)
        {
            text = ReplaceOrMask(pattern, text);
        }

        return text;
    }

    private static string ReplaceOrMask(Regex pattern, string text)
    {
        try
        {
            return pattern.Replace(text, Mask);
        }
        catch (RegexMatchTimeoutException)
        {
            return Mask;
        }
    }

    /// <summary>A vectorized pre-check so that ordinary text skips the regular expression.</summary>
    private static bool MayHoldCredential(string text) => text.AsSpan().IndexOfAny(s_credentialMarkers) >= 0;

    /// <summary>A key lowercased without separators: <c>X-Api-Key</c> and <c>api_key</c> both become <c>apikey</c>.</summary>
    private static string Normalize(string key)
    {
        var buffer = new char[key.Length];
        return new string(buffer, 0, Normalize(key, buffer));
    }

    private static int Normalize(ReadOnlySpan<char> key, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return length;
    }

    [GeneratedRegex(
        @"(?i:\bbearer\s+[a-z0-9\-._~+/]{8,}=*)"
        + @"|\bsk-[A-Za-z0-9_\-]{16,}"
        + @"|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
        + @"|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|\z)"
        + @"|\bAKIA[0-9A-Z]{16}\b"
        + @"|\bgh[pousr]_[A-Za-z0-9]{30,}"
        + @"|\bxox[abprs]-[A-Za-z0-9-]{10,}",
        RegexOptions.CultureInvariant)]
    private static partial Regex BuiltInSecrets();
}
