using System.Text.Json.Serialization;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Domain.Analysis;

/// <summary>The analysis' JSON in the contract's settings (<see cref="WireJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = WireJson.Naming,
    DefaultIgnoreCondition = WireJson.Ignore,
    UnmappedMemberHandling = WireJson.Unmapped,
    Converters = [typeof(UtcTimestampConverter), typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(TraceAnalysis))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext
{
    /// <summary>The context the analysis is written with, in the contract's settings.</summary>
    public static AnalysisJsonContext Wire { get; } = new(WireJson.NewOptions());
}
