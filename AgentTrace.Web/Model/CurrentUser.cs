using System.Security.Claims;
using AgentTrace.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentTrace.Web.Model;

/// <summary>Who is signed in to this circuit: the key's name, tenant and role from the dashboard cookie.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The tenant every read of this circuit is scoped to.</summary>
    public async Task<string> TenantAsync() => (await PrincipalAsync()).Tenant();

    /// <summary>The key's name, recorded as the user of the runs started here.</summary>
    public async Task<string> KeyNameAsync() => (await PrincipalAsync()).KeyName();

    /// <summary>Whether the key may do what <paramref name="role"/> may (running agents takes a writer).</summary>
    public async Task<bool> HasRoleAsync(ApiRole role) =>
        ApiRoles.TryParse((await PrincipalAsync()).FindFirstValue(ClaimTypes.Role), out var held) && held >= role;
}
