using System.Buffers;
using System.Globalization;

namespace AgentTrace.Domain.Model;

/// <summary>Makes and checks the ids of traces, spans and events.</summary>
public static class TraceIds
{
    /// <summary>The longest id a client may send (task, agent, session, user, component ids).</summary>
    public const int MaxLength = 128;

    private static readonly SearchValues<char> s_idChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:@");

    /// <summary>A new task id: 32 lowercase hex characters.</summary>
    public static string NewTaskId() => Guid.NewGuid().ToString("N");

    /// <summary>A new span or event id: 16 lowercase hex characters.</summary>
    public static string NewSpanId() => Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="id"/> is 32 lowercase hex characters.</summary>
    public static bool IsTaskId(string? id) =>
        id is { Length: 32 } && id.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>
    /// Checks a client-given id: 1..128 characters of letters, digits and <c>- _ . : @</c>
    /// (no slashes, spaces or other path characters). Returns the problem, or null when the id is fine.
    /// </summary>
    public static string? Problem(string name, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return $"{name} must not be empty";
        }

        if (id.Length > MaxLength)
        {
            return $"{name} is {id.Length} characters long; at most {MaxLength} are allowed";
        }

        return id.AsSpan().IndexOfAnyExcept(s_idChars) >= 0
            ? $"{name} may contain only letters, digits and - _ . : @"
            : null;
    }
}
