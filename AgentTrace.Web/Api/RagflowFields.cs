using System.Text.Json.Nodes;

namespace AgentTrace.Web.Api;

/// <summary>How RAGFlow (Python) reads the fields of a body: absent and null alike, flags by truthiness, text strictly a string.</summary>
public static class RagflowFields
{
    /// <summary>
    /// Whether a value counts as true: false, null, 0, "" and empty arrays and objects are false; everything else, the
    /// string "false" included, is true. <paramref name="absent"/> when the field is not there.
    /// </summary>
    public static bool Flag(JsonObject body, string name, bool absent) => body[name] switch
    {
        null => !body.ContainsKey(name) && absent,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue v when v.TryGetValue(out bool flag) => flag,
        JsonValue v when v.TryGetValue(out string? text) => text.Length > 0,
        JsonValue v when v.TryGetValue(out double number) => number != 0,
        _ => true,
    };

    /// <summary>Whether the field is absent or JSON null (RAGFlow reads both as not given).</summary>
    public static bool IsMissing(JsonObject body, string name) => !body.TryGetPropertyValue(name, out var value) || value is null;

    /// <summary>The field's text; null when it is missing, and a problem when it is not a string.</summary>
    public static string? Text(JsonObject body, string name, List<string> problems)
    {
        if (IsMissing(body, name))
        {
            return null;
        }

        if (body[name] is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        problems.Add($"{name} must be a string");
        return null;
    }
}
