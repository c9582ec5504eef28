namespace AgentTrace.Web.Api;

public sealed record AgentDeleteResponse(string AgentId, bool Deleted);
