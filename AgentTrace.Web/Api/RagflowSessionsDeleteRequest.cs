namespace AgentTrace.Web.Api;

/// <summary>Body of <c>DELETE /agents/{agent_id}/sessions</c>: the sessions to delete, or <c>delete_all</c> true for every one; neither deletes none.</summary>
public sealed record RagflowSessionsDeleteRequest(IReadOnlyList<string>? Ids, bool? DeleteAll);
