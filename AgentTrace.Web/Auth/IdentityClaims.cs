using System.Security.Claims;

namespace AgentTrace.Web.Auth;

/// <summary>The claims of an authenticated key, the same for API calls and dashboard cookies.</summary>
public static class IdentityClaims
{
    /// <summary>A principal carrying the key's name, tenant and role, and for cookies the key's hash to check it is still valid.</summary>
    public static ClaimsPrincipal Principal(ApiIdentity identity, string scheme, string? keyHash = null)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.Name, identity.Name),
            new(ApiRoles.KeyNameClaim, identity.Name),
            new(ApiRoles.TenantClaim, identity.Tenant),
            new(ClaimTypes.Role, identity.Role.Name()),
        ];
        if (keyHash is not null)
        {
            claims.Add(new Claim(ApiRoles.KeyHashClaim, keyHash));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
