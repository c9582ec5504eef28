namespace AgentTrace.Domain.Recording;

/// <summary>Cuts text to a length without splitting a surrogate pair, noting the cut field's path.</summary>
internal static class TextCutter
{
    public static string Cut(string text, int limit, string path, ref List<string>? truncated)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        (truncated ??= []).Add(path);
        var length = limit > 0 && char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..length];
    }

    public static string? Cut(string? text, int? limit, string path, ref List<string>? truncated) =>
        text is null || limit is null ? null : Cut(text, limit.Value, path, ref truncated);
}
