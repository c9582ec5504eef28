namespace AgentTrace.Web.Live;

/// <summary>
/// Calls a tick every interval until stopped. A failing tick (a store that is briefly unreachable) is tried again on
/// the next one; the first failure of a run of them is logged and reported to <c>status</c>, and so is the first tick
/// that works again (as null). Disposing cancels the token given to the tick and waits for the loop to end.
/// </summary>
public sealed class PollingLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _disposed;

    /// <param name="what">What the tick updates, for the log.</param>
    /// <param name="interval">Time between ticks.</param>
    /// <param name="tick">The work of one tick.</param>
    /// <param name="clock">The clock the ticks are timed on.</param>
    /// <param name="logger">Where failures go.</param>
    /// <param name="status">Told of the first failure of a run (the error) and of the recovery (null); it must not throw.</param>
    public PollingLoop(string what, TimeSpan interval, Func<CancellationToken, Task> tick, TimeProvider clock, ILogger logger, Action<Exception?>? status = null)
    {
        Token = _stop.Token;
        _running = RunAsync(what, interval, tick, clock, logger, status);
    }

    /// <summary>Cancelled when the loop is stopped.</summary>
    public CancellationToken Token { get; }

    /// <summary>Stops the loop without waiting for it.</summary>
    public void Stop()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _stop.Cancel();
        }
    }

    /// <summary>Stops and waits for the loop to end; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        await _running;
        _stop.Dispose();
    }

    private async Task RunAsync(string what, TimeSpan interval, Func<CancellationToken, Task> tick, TimeProvider clock, ILogger logger, Action<Exception?>? status)
    {
        using var timer = new PeriodicTimer(interval, clock);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(Token))
            {
                try
                {
                    await tick(Token);
                    if (failing)
                    {
                        failing = false;
                        logger.TickRecovered(what);
                        status?.Invoke(null);
                    }
                }
                catch (Exception e) when (!Token.IsCancellationRequested)
                {
                    if (!failing)
                    {
                        failing = true;
                        logger.TickFailed(what, interval, e);
                        status?.Invoke(e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
        }
        catch (Exception) when (Token.IsCancellationRequested)
        {
            // Stopping: the tick's page went away while it ran (a disposed renderer or store call).
        }
    }
}
