using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Serialization;

/// <summary>The model's JSON (traces, events, payloads) in the contract's settings (<see cref="WireJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = WireJson.Naming,
    DefaultIgnoreCondition = WireJson.Ignore,
    UnmappedMemberHandling = WireJson.Unmapped,
    Converters = [typeof(UtcTimestampConverter), typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(TraceSession))]
[JsonSerializable(typeof(TraceEvent))]
[JsonSerializable(typeof(TraceEvent[]))]
[JsonSerializable(typeof(List<TraceEvent>))]
[JsonSerializable(typeof(TraceSummary))]
[JsonSerializable(typeof(LlmPayload))]
[JsonSerializable(typeof(RetrievalPayload))]
[JsonSerializable(typeof(ToolPayload))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
public sealed partial class TraceJsonContext : JsonSerializerContext
{
    /// <summary>The context the model is written with, in the contract's settings.</summary>
    public static TraceJsonContext Wire { get; } = new(WireJson.NewOptions());
}
