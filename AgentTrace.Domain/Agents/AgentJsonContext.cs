using System.Text.Json;
using System.Text.Json.Serialization;
using AgentTrace.Domain.Agents.Definitions;

namespace AgentTrace.Domain.Agents;

/// <summary>Agent definition files: snake_case, comments and trailing commas allowed, unknown fields refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(AgentDefinition))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
