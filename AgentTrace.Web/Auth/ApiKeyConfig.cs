namespace AgentTrace.Web.Auth;

/// <summary>One configured key (<c>AgentTrace:Auth:Keys:N</c>): the key itself or its SHA-256, a tenant and a role.</summary>
public sealed class ApiKeyConfig
{
    public string? Name { get; set; }

    public string? Key { get; set; }

    public string? KeySha256 { get; set; }

    public string? Tenant { get; set; }

    public string? Role { get; set; }
}
