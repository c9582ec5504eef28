using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Benchmarks.Dashboard;

/// <summary>A finished run of about <c>events</c> events: a workflow of nodes, each making one LLM call (four events per node).</summary>
internal static class LongRun
{
    public static async Task<string> StoreAsync(ITraceStore store, string tenant, int events)
    {
        var start = DateTimeOffset.UtcNow;
        var session = new TraceSession { TaskId = TraceIds.NewTaskId(), TenantId = tenant, AgentId = $"long-run-{events}", CreatedAt = start };
        await store.CreateAsync(session);
        var all = Events(start, Math.Max(1, (events - 2) / 4)).ToList();
        foreach (var batch in all.Chunk(1000))
        {
            await store.AppendAsync(tenant, session.TaskId, batch);
        }

        await store.CompleteAsync(tenant, session.TaskId, new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = all[^1].Timestamp });
        return session.TaskId;
    }

    private static IEnumerable<TraceEvent> Events(DateTimeOffset start, int nodes)
    {
        long seq = 0;
        var at = start;
        TraceEvent Next(TraceEventType type, string span, string? parent, string? component, double? elapsed = null, LlmPayload? llm = null)
        {
            at = at.AddMilliseconds(1);
            return new TraceEvent { Seq = ++seq, EventId = $"e{seq}", EventType = type, Timestamp = at, SpanId = span, ParentSpanId = parent, ComponentId = component, ComponentName = component, ElapsedTime = elapsed, Llm = llm };
        }

        yield return Next(TraceEventType.WorkflowStarted, "wf", null, null);
        for (var i = 0; i < nodes; i++)
        {
            var node = $"n{i}";
            var component = $"step_{i % 50}";
            yield return Next(TraceEventType.NodeStarted, node, "wf", component);
            yield return Next(TraceEventType.LlmCallStarted, $"c{i}", node, component, llm: new LlmPayload { ModelName = "gpt-4o-mini", Prompt = $"question {i}" });
            yield return Next(TraceEventType.LlmCallCompleted, $"c{i}", node, component, 0.001, new LlmPayload { ModelName = "gpt-4o-mini", Response = $"answer {i}", PromptTokens = 100, CompletionTokens = 10 });
            yield return Next(TraceEventType.NodeFinished, node, "wf", component, 0.003);
        }

        yield return Next(TraceEventType.WorkflowCompleted, "wf", null, null, (at - start).TotalSeconds);
    }
}
