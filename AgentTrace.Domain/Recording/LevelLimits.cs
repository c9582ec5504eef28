using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Recording;

/// <summary>What a trace level keeps (the table of DESIGN §4).</summary>
/// <param name="TextLimit">Characters kept of inputs, outputs, prompts, responses, tool I/O and thoughts; null drops them.</param>
/// <param name="ChunkCount">Retrieved chunks kept; null keeps all, 0 keeps none.</param>
/// <param name="ChunkContentLimit">Characters kept of each chunk's content; null keeps it whole.</param>
/// <param name="RecordsThinking">Whether thinking events are recorded at all.</param>
public sealed record LevelLimits(int? TextLimit, int? ChunkCount, int? ChunkContentLimit, bool RecordsThinking)
{
    /// <summary>Characters kept of an error message when the level drops other text.</summary>
    public const int MinimalErrorLimit = 500;

    /// <summary>Items kept of any JSON array inside inputs, outputs, metadata or tool I/O.</summary>
    public const int MaxArrayItems = 1000;

    public static LevelLimits Minimal { get; } = new(null, 0, 0, false);

    public static LevelLimits Standard { get; } = new(500, 5, 200, false);

    public static LevelLimits Detailed { get; } = new(8_000, null, 2_000, true);

    public static LevelLimits Debug { get; } = new(64 * 1024, null, null, true);

    public int ErrorLimit => TextLimit ?? MinimalErrorLimit;

    public static LevelLimits For(TraceLevel level) => level switch
    {
        TraceLevel.Minimal => Minimal,
        TraceLevel.Standard => Standard,
        TraceLevel.Detailed => Detailed,
        TraceLevel.Debug => Debug,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown trace level"),
    };

    /// <summary>Whether an event of this type is recorded at all at this level.</summary>
    public bool Records(TraceEventType type) =>
        RecordsThinking || type is not (TraceEventType.ThinkingStarted or TraceEventType.ThinkingCompleted);
}
