using System.Text.Json.Serialization;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Domain.Formatting;

/// <summary>The formats' JSON in the contract's settings (<see cref="WireJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = WireJson.Naming,
    DefaultIgnoreCondition = WireJson.Ignore,
    UnmappedMemberHandling = WireJson.Unmapped,
    Converters = [typeof(UtcTimestampConverter), typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(CompactTrace))]
[JsonSerializable(typeof(CompactStep))]
[JsonSerializable(typeof(DetailedTrace))]
[JsonSerializable(typeof(CallRecord))]
[JsonSerializable(typeof(RagflowTraceEntry))]
[JsonSerializable(typeof(RagflowReference))]
[JsonSerializable(typeof(IReadOnlyList<RagflowTraceEntry>))]
public sealed partial class FormatJsonContext : JsonSerializerContext
{
    /// <summary>The context the formats are written with, in the contract's settings.</summary>
    public static FormatJsonContext Wire { get; } = new(WireJson.NewOptions());
}
