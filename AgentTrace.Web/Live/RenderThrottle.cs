namespace AgentTrace.Web.Live;

/// <summary>
/// Turns change notifications from any thread into at most one redraw per interval: the first request schedules a
/// redraw, later ones until it runs join it. A failing redraw is logged and reported to <c>failed</c>; the next
/// request tries again. Disposing cancels a scheduled redraw and waits for one that is running.
/// </summary>
/// <param name="what">What is redrawn, for the log.</param>
/// <param name="interval">The least time between two redraws.</param>
/// <param name="redraw">The redraw (marshalled to the renderer by the caller).</param>
/// <param name="clock">The clock the interval is measured and waited on.</param>
/// <param name="logger">Where failures go.</param>
/// <param name="failed">Told of each failure, so the component can show it; it must not throw.</param>
public sealed class RenderThrottle(string what, TimeSpan interval, Func<Task> redraw, TimeProvider clock, ILogger logger, Action<Exception>? failed = null)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task _running = Task.CompletedTask;
    private int _disposed;
    private long _lastRedraw = long.MinValue;
    private int _scheduled;

    public void Request()
    {
        if (Volatile.Read(ref _disposed) == 1 || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        lock (_gate)
        {
            // A redraw may still be running while the next one waits: both are awaited on dispose.
            var run = RunAsync();
            _running = _running.IsCompleted ? run : Task.WhenAll(_running, run);
        }
    }

    /// <summary>Stops and waits for a running redraw; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        Task running;
        lock (_gate)
        {
            running = _running;
        }

        await running;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            var last = Interlocked.Read(ref _lastRedraw);
            var wait = last == long.MinValue ? TimeSpan.Zero : interval - clock.GetElapsedTime(last);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, _stop.Token);
            }

            Volatile.Write(ref _scheduled, 0);
            Interlocked.Exchange(ref _lastRedraw, clock.GetTimestamp());
            await redraw();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (_stop.IsCancellationRequested)
        {
            // The page went away while its redraw was due.
        }
        catch (Exception e)
        {
            Volatile.Write(ref _scheduled, 0);
            logger.RedrawFailed(what, e);
            failed?.Invoke(e);
        }
    }
}
