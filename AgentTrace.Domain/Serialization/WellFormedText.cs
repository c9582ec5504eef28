using System.Text;

namespace AgentTrace.Domain.Serialization;

/// <summary>
/// The one rule for text that is not valid Unicode, wherever it enters: each lone UTF-16 surrogate becomes U+FFFD
/// (<see cref="Replacement"/>). Text that is well formed is returned as it is, without a copy.
/// </summary>
public static class WellFormedText
{
    public const char Replacement = '\uFFFD';

    /// <summary>True when the text holds no lone surrogate.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text) => FirstLoneSurrogate(text) < 0;

    /// <summary>The text with every lone surrogate replaced by U+FFFD; the same instance when there is none.</summary>
    public static string Repair(string text)
    {
        var first = FirstLoneSurrogate(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text.AsSpan(0, first));
        var rest = text.AsSpan(first);
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) == System.Buffers.OperationStatus.Done)
            {
                builder.Append(rest[..used]);
            }
            else
            {
                builder.Append(Replacement);
            }

            rest = rest[used..];
        }

        return builder.ToString();
    }

    /// <inheritdoc cref="Repair(string)"/>
    public static string? RepairOrNull(string? text) => text is null ? null : Repair(text);

    private static int FirstLoneSurrogate(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (at < 0)
        {
            return -1;
        }

        for (var i = at; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
