using System.Collections.Frozen;
using System.Text.Json;
using AgentTrace.Domain.Formatting;

namespace AgentTrace.Domain.Model;

/// <summary>
/// The snake_case wire names of the contract's enums, and strict parsing of them for query strings and
/// request bodies (an unknown name is an error, never a silent default).
/// </summary>
public static class WireNames
{
    private static readonly FrozenDictionary<TraceEventType, string> s_eventTypeNames = NamesOf<TraceEventType>();
    private static readonly FrozenDictionary<string, TraceEventType> s_eventTypes = Reverse(s_eventTypeNames);
    private static readonly FrozenDictionary<TraceLevel, string> s_levelNames = NamesOf<TraceLevel>();
    private static readonly FrozenDictionary<string, TraceLevel> s_levels = Reverse(s_levelNames);
    private static readonly FrozenDictionary<TraceStatus, string> s_statusNames = NamesOf<TraceStatus>();
    private static readonly FrozenDictionary<string, TraceStatus> s_statuses = Reverse(s_statusNames);
    private static readonly FrozenDictionary<TraceFormat, string> s_formatNames = NamesOf<TraceFormat>();
    private static readonly FrozenDictionary<string, TraceFormat> s_formats = Reverse(s_formatNames);

    public static IEnumerable<string> EventTypes => s_eventTypes.Keys.Order(StringComparer.Ordinal);

    public static IEnumerable<string> Levels => Enum.GetValues<TraceLevel>().Select(Name);

    public static IEnumerable<string> Statuses => Enum.GetValues<TraceStatus>().Select(Name);

    public static IEnumerable<string> Formats => Enum.GetValues<TraceFormat>().Select(Name);

    public static string Name(this TraceEventType value) => s_eventTypeNames[value];

    public static string Name(this TraceLevel value) => s_levelNames[value];

    public static string Name(this TraceStatus value) => s_statusNames[value];

    public static string Name(this TraceFormat value) => s_formatNames[value];

    public static bool TryParseEventType(string? text, out TraceEventType value) => TryParse(s_eventTypes, text, out value);

    public static bool TryParseLevel(string? text, out TraceLevel value) => TryParse(s_levels, text, out value);

    public static bool TryParseStatus(string? text, out TraceStatus value) => TryParse(s_statuses, text, out value);

    public static bool TryParseFormat(string? text, out TraceFormat value) => TryParse(s_formats, text, out value);

    private static bool TryParse<T>(FrozenDictionary<string, T> names, string? text, out T value)
        where T : struct
    {
        value = default;
        return text is not null && names.TryGetValue(text.Trim(), out value);
    }

    private static FrozenDictionary<T, string> NamesOf<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    private static FrozenDictionary<string, T> Reverse<T>(FrozenDictionary<T, string> names)
        where T : notnull =>
        names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
}
