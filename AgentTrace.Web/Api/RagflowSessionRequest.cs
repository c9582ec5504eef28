namespace AgentTrace.Web.Api;

/// <summary>
/// Body of <c>POST /agents/{agent_id}/sessions</c> (RAGFlow's SDK sends <c>{}</c>): who holds the session (else the
/// <c>user_id</c> query parameter, else no one) and its name. Other fields RAGFlow takes (<c>release</c>) are ignored.
/// </summary>
public sealed record RagflowSessionRequest(string? UserId, string? Name);
