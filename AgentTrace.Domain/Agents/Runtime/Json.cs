using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>Turns the JSON nodes components build into the elements trace events hold.</summary>
internal static class Json
{
    public static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node, TraceJsonContext.Default.JsonNode);

    /// <summary>Named JSON values as one object.</summary>
    public static JsonObject Object(IReadOnlyDictionary<string, JsonElement> values)
    {
        var result = new JsonObject();
        foreach (var (name, value) in values)
        {
            result[name] = JsonNode.Parse(value.GetRawText());
        }

        return result;
    }

    public static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
