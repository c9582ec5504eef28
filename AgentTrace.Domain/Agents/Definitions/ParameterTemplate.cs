using System.Text.RegularExpressions;

namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>Finds and fills the <c>{source.field}</c> references of a component's text fields.</summary>
public static partial class ParameterTemplate
{
    public static IEnumerable<ParameterReference> References(string? text) =>
        text is null ? [] : Reference().Matches(text).Select(m => new ParameterReference(m.Groups[1].Value, m.Groups[2].Value));

    /// <summary>The text with each reference replaced by what <paramref name="resolve"/> gives for it.</summary>
    public static string Render(string text, Func<ParameterReference, string> resolve) =>
        Reference().Replace(text, m => resolve(new ParameterReference(m.Groups[1].Value, m.Groups[2].Value)));

    [GeneratedRegex(@"\{([A-Za-z0-9_\-]+)\.([A-Za-z0-9_\-]+)\}")]
    private static partial Regex Reference();
}
