namespace AgentTrace.Web.Api;

/// <summary>The agents this server runs.</summary>
public sealed record AgentListResponse(IReadOnlyList<AgentSummary> Agents, int Total);
