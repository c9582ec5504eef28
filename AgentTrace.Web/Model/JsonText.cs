using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentTrace.Web.Model;

/// <summary>JSON values as readable text: indented, non-ASCII kept as it is, a plain string without its quotes.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions s_indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Pretty(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } json => JsonSerializer.Serialize(json, s_indented),
    };
}
