using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Tests.Support;

/// <summary>Puts runs made with <see cref="TraceBuilder"/> into a store, as a tenant's traces.</summary>
public static class StoredRuns
{
    /// <summary>
    /// Stores <paramref name="run"/> for <paramref name="tenantId"/>, moved in time so it starts at
    /// <paramref name="createdAt"/>, and unless <paramref name="status"/> is running, completes it. Returns its task id.
    /// </summary>
    public static async Task<string> SaveAsync(this ITraceStore store, string tenantId, TraceBuilder run, TraceStatus status = TraceStatus.Completed,
        DateTimeOffset? createdAt = null, string agentId = "agent-1", string? userId = "ann", string? error = null)
    {
        var shift = (createdAt ?? TraceBuilder.Origin) - TraceBuilder.Origin;
        var ended = run.Session(status);
        var session = new TraceSession
        {
            TaskId = TraceIds.NewTaskId(),
            TenantId = tenantId,
            AgentId = agentId,
            UserId = userId,
            SessionId = ended.SessionId,
            TraceLevel = ended.TraceLevel,
            CreatedAt = ended.CreatedAt + shift,
        };
        Assert.True(await store.CreateAsync(session));
        await store.AppendMovedAsync(tenantId, session.TaskId, run.Events, shift);
        if (status != TraceStatus.Running)
        {
            await store.CompleteAsync(tenantId, session.TaskId, new TraceCompletion
            {
                Status = status,
                CompletedAt = ended.CompletedAt!.Value + shift,
                ElapsedSeconds = ended.TotalElapsedTime,
                Error = error,
            });
        }

        return session.TaskId;
    }

    /// <summary>Appends events moved in time by <paramref name="shift"/>.</summary>
    public static async Task AppendMovedAsync(this ITraceStore store, string tenantId, string taskId, IEnumerable<TraceEvent> events, TimeSpan shift)
    {
        var result = await store.AppendAsync(tenantId, taskId, [.. events.Select(e => e with { Timestamp = e.Timestamp + shift })]);
        Assert.Equal(AppendOutcome.Appended, result.Outcome);
    }
}
