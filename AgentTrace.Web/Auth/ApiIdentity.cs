namespace AgentTrace.Web.Auth;

/// <summary>Who a key belongs to.</summary>
public sealed record ApiIdentity(string Name, string Tenant, ApiRole Role);
