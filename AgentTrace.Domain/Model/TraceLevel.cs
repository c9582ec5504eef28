using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Model;

/// <summary>How much of a run is recorded (DESIGN §4).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<TraceLevel>))]
public enum TraceLevel
{
    Minimal,
    Standard,
    Detailed,
    Debug,
}
