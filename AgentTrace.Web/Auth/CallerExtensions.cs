using System.Security.Claims;

namespace AgentTrace.Web.Auth;

public static class CallerExtensions
{
    /// <summary>The tenant of the authenticated key; every read and write is scoped to it.</summary>
    public static string Tenant(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiRoles.TenantClaim) ?? throw new InvalidOperationException("the caller has no tenant claim");

    public static string KeyName(this ClaimsPrincipal user) => user.FindFirstValue(ApiRoles.KeyNameClaim) ?? "";
}
