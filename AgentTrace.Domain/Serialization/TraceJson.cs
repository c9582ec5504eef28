using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Serialization;

/// <summary>The JSON contract (DESIGN §3): snake_case names, nulls left out, enums as names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(UtcTimestampConverter), typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(TraceSession))]
[JsonSerializable(typeof(TraceEvent))]
[JsonSerializable(typeof(TraceEvent[]))]
[JsonSerializable(typeof(List<TraceEvent>))]
[JsonSerializable(typeof(TraceSummary))]
[JsonSerializable(typeof(LlmPayload))]
[JsonSerializable(typeof(RetrievalPayload))]
[JsonSerializable(typeof(ToolPayload))]
[JsonSerializable(typeof(CompactTrace))]
[JsonSerializable(typeof(CompactStep))]
[JsonSerializable(typeof(DetailedTrace))]
[JsonSerializable(typeof(CallRecord))]
[JsonSerializable(typeof(RagflowTraceEntry))]
[JsonSerializable(typeof(IReadOnlyList<RagflowTraceEntry>))]
[JsonSerializable(typeof(TraceAnalysis))]
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
    /// <summary>
    /// The context every AgentTrace payload is written with: the contract's settings, and text escaped only
    /// where JSON requires it, so prompts in any language stay readable.
    /// </summary>
    public static TraceJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimestampConverter(), new FiniteNumberConverter() },
    });
}
