namespace AgentTrace.Web.Api;

public sealed record DeleteResponse(string TaskId, bool Deleted);
