namespace AgentTrace.Web.Api;

/// <summary>The agents this server runs, and what their definitions may name: knowledge bases and built-in tools.</summary>
public sealed record AgentListResponse(IReadOnlyList<AgentSummary> Agents, int Total, IReadOnlyList<string> KnowledgeBases, IReadOnlyList<string> Tools);
