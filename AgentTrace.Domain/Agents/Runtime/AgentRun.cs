using System.Threading.Channels;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// A run in progress: its ids (known before it starts working), its answer as it is written, how it ends, and
/// a way to cancel it.
/// </summary>
public sealed class AgentRun
{
    private readonly CancellationTokenSource _cancel;
    private readonly Channel<AnswerChunk> _answer;
    private readonly TaskCompletionSource<AgentRunResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal AgentRun(string tenantId, string agentId, string taskId, string sessionId, CancellationTokenSource cancel, Channel<AnswerChunk> answer)
    {
        TenantId = tenantId;
        AgentId = agentId;
        TaskId = taskId;
        SessionId = sessionId;
        _cancel = cancel;
        _answer = answer;
    }

    public string TenantId { get; }

    public string AgentId { get; }

    public string TaskId { get; }

    public string SessionId { get; }

    /// <summary>The answer's pieces in order; completes when the run ends.</summary>
    public ChannelReader<AnswerChunk> Answer => _answer.Reader;

    /// <summary>Ends when the run has ended and its trace is stored as finished. Never faults.</summary>
    public Task<AgentRunResult> Completion => _done.Task;

    internal CancellationToken Token => _cancel.Token;

    internal ChannelWriter<AnswerChunk> AnswerWriter => _answer.Writer;

    internal void End(AgentRunResult result) => _done.TrySetResult(result);

    /// <summary>Asks the run to stop; it ends <c>cancelled</c> unless it ended first.</summary>
    public void Cancel() => _cancel.Cancel();
}
