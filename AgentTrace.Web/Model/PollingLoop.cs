namespace AgentTrace.Web.Model;

/// <summary>
/// Calls a tick every interval until disposed; a failing tick (a store that is briefly unreachable) is retried on
/// the next one. Disposing cancels the token given to the tick.
/// </summary>
public sealed class PollingLoop : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    public PollingLoop(TimeSpan interval, Func<CancellationToken, Task> tick, TimeProvider clock)
    {
        Token = _stop.Token;
        _ = RunAsync(interval, tick, clock);
    }

    /// <summary>Cancelled when the loop is disposed.</summary>
    public CancellationToken Token { get; }

    /// <summary>Stops; calling it again does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, Func<CancellationToken, Task> tick, TimeProvider clock)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(Token))
            {
                try
                {
                    await tick(Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Tried again on the next tick.
                }
            }
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
        }
    }
}
