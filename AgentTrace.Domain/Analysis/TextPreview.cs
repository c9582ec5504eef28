namespace AgentTrace.Domain.Analysis;

/// <summary>Short previews of long text: cut at a length, never inside a surrogate pair, marked with an ellipsis.</summary>
internal static class TextPreview
{
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var length = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, length), "…");
    }
}
