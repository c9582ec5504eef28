namespace AgentTrace.Domain.Agents.Llm;

/// <summary>
/// The ambient <see cref="TraceScope"/> of the current async flow, which <see cref="TracingChatClient"/> records
/// into. Any code that holds an <see cref="Recording.ActiveTrace"/> can enter a scope around its LLM calls.
/// </summary>
public static class TraceContext
{
    private static readonly AsyncLocal<TraceScope?> s_current = new();

    public static TraceScope? Current => s_current.Value;

    /// <summary>Makes <paramref name="scope"/> current until the returned handle is disposed.</summary>
    public static IDisposable Enter(TraceScope scope)
    {
        var previous = s_current.Value;
        s_current.Value = scope;
        return new Exit(previous);
    }

    private sealed class Exit(TraceScope? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
