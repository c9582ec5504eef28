using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AgentTrace.Web.Auth;

/// <summary>
/// The dashboard signs in with an API key and keeps a cookie carrying the key's name, tenant, role and hash. API
/// requests (under <c>/api</c>, or presenting a key) use the API-key scheme; everything else the cookie.
/// </summary>
public static class DashboardAuthentication
{
    public const string CookieScheme = "DashboardCookie";
    public const string SelectingScheme = "ApiKeyOrCookie";
    public const string LoginPath = "/login";
    public const string LogoutPath = "/account/logout";

    /// <summary>Adds the cookie scheme and makes the selecting scheme the default.</summary>
    public static AuthenticationBuilder AddDashboardCookie(this AuthenticationBuilder builder) => builder
        .AddPolicyScheme(SelectingScheme, "API key or dashboard cookie", o => o.ForwardDefaultSelector = SchemeFor)
        .AddCookie(CookieScheme, o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = LogoutPath;
            o.AccessDeniedPath = LoginPath;
            o.Cookie.Name = "agenttrace.dashboard";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = RejectRevokedKeyAsync;
        });

    /// <summary>The principal for a presented key, or null when the key is not valid.</summary>
    public static ClaimsPrincipal? SignInPrincipal(ApiKeyRegistry keys, string presentedKey)
    {
        var key = presentedKey.Trim();
        return keys.Find(key) is { } identity ? IdentityClaims.Principal(identity, CookieScheme, KeyHash.Of(key)) : null;
    }

    private static string SchemeFor(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        || context.Request.Headers.Authorization.Count > 0
        || context.Request.Query.ContainsKey("access_token")
            ? ApiKeyAuthenticationHandler.SchemeName
            : CookieScheme;

    /// <summary>A cookie whose key was removed or changed tenant or role no longer signs anyone in.</summary>
    private static async Task RejectRevokedKeyAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var hash = principal?.FindFirst(ApiRoles.KeyHashClaim)?.Value;
        var current = hash is null ? null : context.HttpContext.RequestServices.GetRequiredService<ApiKeyRegistry>().FindByHash(hash);
        if (principal is null || current is null
            || current.Tenant != principal.FindFirst(ApiRoles.TenantClaim)?.Value
            || current.Role.Name() != principal.FindFirst(ClaimTypes.Role)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    /// <summary>Only local paths are followed after login, so the form cannot send anyone elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.StartsWith(LoginPath, StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";
}
