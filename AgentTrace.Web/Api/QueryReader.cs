using System.Globalization;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>
/// Reads query parameters strictly: a value that does not parse or is out of range is a problem, reported
/// by name with what is allowed, never a silent default.
/// </summary>
public sealed class QueryReader(IQueryCollection query)
{
    private readonly List<string> _problems = [];

    /// <summary>Every problem found so far, in one message; null when there is none.</summary>
    public string? Problem => _problems.Count == 0 ? null : string.Join("; ", _problems);

    public int Int(string name, int defaultValue, int min, int max) => (int)Long(name, defaultValue, min, max);

    public long Long(string name, long defaultValue, long min, long max)
    {
        if (Text(name) is not { } text)
        {
            return defaultValue;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        _problems.Add($"{name} must be a whole number from {min} to {max} (got '{Shorten(text)}')");
        return defaultValue;
    }

    public DateTimeOffset? Time(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        _problems.Add($"{name} must be an ISO 8601 time such as 2026-11-25T10:00:00Z (got '{Shorten(text)}')");
        return null;
    }

    public string? Id(string name)
    {
        var text = Text(name);
        if (text is not null && TraceIds.Problem(name, text) is { } problem)
        {
            _problems.Add(problem);
            return null;
        }

        return text;
    }

    public TraceStatus? Status(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (WireNames.TryParseStatus(text, out var status))
        {
            return status;
        }

        _problems.Add($"{name} must be one of {string.Join(", ", WireNames.Statuses)} (got '{Shorten(text)}')");
        return null;
    }

    /// <summary>A comma-separated list of event types; null when absent.</summary>
    public IReadOnlySet<TraceEventType>? EventTypes(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        var types = new HashSet<TraceEventType>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (WireNames.TryParseEventType(part, out var type))
            {
                types.Add(type);
            }
            else
            {
                _problems.Add($"{name} has unknown event type '{Shorten(part)}'; known types are {string.Join(", ", WireNames.EventTypes)}");
            }
        }

        return types;
    }

    /// <summary>Adds a problem found by the caller.</summary>
    public void Add(string problem) => _problems.Add(problem);

    public string? Text(string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            _problems.Add($"{name} is given {values.Count} times; give it once");
        }

        var text = values[0];
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
