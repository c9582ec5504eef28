namespace AgentTrace.Web.Api;

public sealed record AppendEventsResponse(string TaskId, int Accepted, int Duplicates, long LastSeq);
