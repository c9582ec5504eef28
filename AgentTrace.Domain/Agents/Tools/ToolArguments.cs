using System.Text.Json;

namespace AgentTrace.Domain.Agents.Tools;

/// <summary>Reads a tool's JSON arguments, refusing the call when a required one is missing or mistyped.</summary>
public static class ToolArguments
{
    public static string RequiredString(JsonElement arguments, string name) =>
        OptionalString(arguments, name) ?? throw new ToolRefusedException($"the argument '{name}' (a string) is required");

    public static string? OptionalString(JsonElement arguments, string name)
    {
        if (arguments.ValueKind != JsonValueKind.Object || !arguments.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ToolRefusedException($"the argument '{name}' must be a string");
    }

    public static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
