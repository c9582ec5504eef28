using System.Runtime.InteropServices;
using System.Text.Json;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>A cheap estimate of the memory an event holds, for the store's byte budget.</summary>
internal static class EventSize
{
    private const int Overhead = 256;

    public static long Estimate(TraceEvent e)
    {
        long size = Overhead
            + Text(e.EventId) + Text(e.SpanId) + Text(e.ParentSpanId) + Text(e.ComponentId) + Text(e.ComponentName)
            + Text(e.ComponentType) + Text(e.Error) + Text(e.Thoughts)
            + Json(e.Inputs) + Json(e.Outputs) + Json(e.Metadata);
        if (e.Llm is { } llm)
        {
            size += Overhead + Text(llm.Prompt) + Text(llm.Response) + Text(llm.ModelName);
            foreach (var m in llm.Messages ?? [])
            {
                size += 32 + Text(m.Content);
            }
        }

        if (e.Retrieval is { } retrieval)
        {
            size += Overhead + Text(retrieval.Query);
            foreach (var c in retrieval.Chunks ?? [])
            {
                size += 64 + Text(c.Content) + Text(c.DocumentName) + Text(c.ChunkId) + Text(c.DocumentId);
            }
        }

        if (e.Tool is { } tool)
        {
            size += Overhead + Json(tool.Arguments) + Json(tool.Result);
        }

        return size;
    }

    private static long Text(string? s) => s is null ? 0 : 24 + (2L * s.Length);

    private static long Json(JsonElement? element) =>
        element is { } value ? 64 + JsonMarshal.GetRawUtf8Value(value).Length : 0;
}
