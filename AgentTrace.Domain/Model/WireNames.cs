namespace AgentTrace.Domain.Model;

/// <summary>
/// The snake_case wire names of the model's enums, and strict parsing of them for query strings and request bodies
/// (an unknown name is an error, never a silent default).
/// </summary>
public static class WireNames
{
    public static IEnumerable<string> EventTypes => WireEnum<TraceEventType>.Names.Order(StringComparer.Ordinal);

    public static IEnumerable<string> Levels => WireEnum<TraceLevel>.Names;

    public static IEnumerable<string> Statuses => WireEnum<TraceStatus>.Names;

    public static string Name(this TraceEventType value) => WireEnum<TraceEventType>.Name(value);

    public static string Name(this TraceLevel value) => WireEnum<TraceLevel>.Name(value);

    public static string Name(this TraceStatus value) => WireEnum<TraceStatus>.Name(value);

    public static bool TryParseEventType(string? text, out TraceEventType value) => WireEnum<TraceEventType>.TryParse(text, out value);

    public static bool TryParseLevel(string? text, out TraceLevel value) => WireEnum<TraceLevel>.TryParse(text, out value);

    public static bool TryParseStatus(string? text, out TraceStatus value) => WireEnum<TraceStatus>.TryParse(text, out value);
}
