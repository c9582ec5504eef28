namespace AgentTrace.Web.Api;

/// <summary>What <c>DELETE /agents/{agent_id}/sessions</c> did: how many sessions it deleted, and why it deleted no others.</summary>
public sealed record RagflowSessionsDeleted(int SuccessCount, IReadOnlyList<string> Errors);
