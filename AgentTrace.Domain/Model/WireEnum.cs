using System.Collections.Frozen;
using System.Text.Json;

namespace AgentTrace.Domain.Model;

/// <summary>The snake_case wire names of one enum of the contract, and strict parsing of them (whitespace trimmed).</summary>
public static class WireEnum<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> s_names =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, T> s_values = s_names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every name, in declaration order.</summary>
    public static IEnumerable<string> Names => Enum.GetValues<T>().Select(Name);

    public static string Name(T value) => s_names[value];

    public static bool TryParse(string? text, out T value)
    {
        value = default;
        return text is not null && s_values.TryGetValue(text.Trim(), out value);
    }
}
