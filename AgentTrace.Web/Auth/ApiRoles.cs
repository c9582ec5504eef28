namespace AgentTrace.Web.Auth;

/// <summary>Role names, claim types and the authorization policies built on them.</summary>
public static class ApiRoles
{
    public const string TenantClaim = "agenttrace:tenant";
    public const string KeyNameClaim = "agenttrace:key";
    public const string KeyHashClaim = "agenttrace:key_sha256";

    public const string CanRead = "can-read";
    public const string CanWrite = "can-write";
    public const string CanAdminister = "can-administer";

    public static bool TryParse(string? text, out ApiRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);

    public static string Name(this ApiRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The role names that satisfy a policy.</summary>
    public static string[] AtLeast(ApiRole role) => [.. Enum.GetValues<ApiRole>().Where(r => r >= role).Select(Name)];
}
