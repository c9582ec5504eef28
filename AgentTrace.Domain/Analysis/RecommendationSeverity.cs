using System.Text.Json.Serialization;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

[JsonConverter(typeof(SnakeCaseEnumConverter<RecommendationSeverity>))]
public enum RecommendationSeverity
{
    Info,
    Warning,
    Critical,
}
