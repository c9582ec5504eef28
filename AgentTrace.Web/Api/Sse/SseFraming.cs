namespace AgentTrace.Web.Api.Sse;

/// <summary>How <see cref="EventStreamResult"/> writes frames.</summary>
public enum SseFraming
{
    /// <summary><c>id:</c>, <c>event:</c> and <c>data:</c> lines; ends with <c>event: done</c> / <c>data: [DONE]</c>.</summary>
    Standard,

    /// <summary>RAGFlow's framing: one <c>data:&lt;json&gt;</c> line per frame (the event name is inside the JSON); ends with <c>data:[DONE]</c>.</summary>
    DataOnly,
}
