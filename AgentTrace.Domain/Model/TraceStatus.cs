using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Model;

[JsonConverter(typeof(SnakeCaseEnumConverter<TraceStatus>))]
public enum TraceStatus
{
    Running,
    Completed,
    Failed,
    Cancelled,
    Interrupted,
}
