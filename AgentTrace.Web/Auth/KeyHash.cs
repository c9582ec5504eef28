using System.Security.Cryptography;
using System.Text;

namespace AgentTrace.Web.Auth;

/// <summary>Keys are kept only as SHA-256 hashes (lowercase hex).</summary>
public static class KeyHash
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsHash(string text) => text.Length == 64 && text.AsSpan().IndexOfAnyExcept("0123456789abcdefABCDEF") < 0;

    /// <summary>A new random key: <c>at_</c> and 43 URL-safe characters (256 bits).</summary>
    public static string NewKey() => "at_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
