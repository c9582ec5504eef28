namespace AgentTrace.Web.Api;

/// <summary>One agent in the list of <c>GET /agents</c>.</summary>
public sealed record AgentSummary(string Id, string? Name, string? Description, int Components, IReadOnlyList<string> ComponentTypes);
