using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Formatting;

/// <summary>One line of the <c>compact</c> timeline.</summary>
public sealed record CompactStep
{
    public required long Seq { get; init; }

    public required TraceEventType Type { get; init; }

    /// <summary>Seconds from the trace's creation (3 decimals).</summary>
    public required double Time { get; init; }

    /// <summary>The component's name, else its id.</summary>
    public string? Component { get; init; }

    /// <summary>The step's elapsed time or reported latency, when known.</summary>
    public double? DurationMs { get; init; }

    /// <summary>What happened, in a few words: <c>gpt-4o 120→45 tokens</c>, <c>kb_docs: 5 chunks, top 0.82</c>, <c>calculator(2+2) → 4</c>.</summary>
    public string? Detail { get; init; }

    /// <summary>The error's first 200 characters.</summary>
    public string? Error { get; init; }
}
