namespace AgentTrace.Domain.Storage.Redis;

/// <summary>A task that completes at the next <see cref="Set"/>; take <see cref="Next"/> before reading, then await it.</summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = New();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Set() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
