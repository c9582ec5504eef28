namespace AgentTrace.Web.Api;

/// <summary>Body of <c>POST /traces/cleanup</c>: delete the caller's traces older than this many days.</summary>
public sealed record CleanupRequest
{
    public required int Days { get; init; }
}
