using System.Text.Json.Nodes;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>A finished run, not streamed: the answer, its ids, and its trace in the chosen format.</summary>
public sealed record CompletionResponse(string Answer, string TaskId, string SessionId, string AgentId, TraceStatus Status, JsonNode? Trace);
