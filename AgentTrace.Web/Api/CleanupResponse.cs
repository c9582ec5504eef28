namespace AgentTrace.Web.Api;

public sealed record CleanupResponse(int Deleted, DateTimeOffset Cutoff);
