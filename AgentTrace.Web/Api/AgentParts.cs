namespace AgentTrace.Web.Api;

/// <summary>What agent definitions on this server may name: its knowledge bases and built-in tools.</summary>
public sealed record AgentParts(IReadOnlyList<string> KnowledgeBases, IReadOnlyList<string> Tools);
