using System.Text.Json.Serialization;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>How a span ended; <see cref="Open"/> when its end event never arrived.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SpanStatus>))]
public enum SpanStatus
{
    Completed,
    Failed,
    Cancelled,
    Open,
}
