using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>What cancelling a run did: the status the run ended with.</summary>
public sealed record CancelResponse(string TaskId, TraceStatus Status);
