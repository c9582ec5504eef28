using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Model;

/// <summary>Writes and reads an enum as its snake_case name; numbers are refused.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
