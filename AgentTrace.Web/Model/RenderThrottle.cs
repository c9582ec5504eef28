namespace AgentTrace.Web.Model;

/// <summary>
/// Turns change notifications from any thread into at most one redraw per interval: the first request schedules a
/// redraw, later ones until it runs join it. Disposing cancels a scheduled redraw.
/// </summary>
public sealed class RenderThrottle(TimeSpan interval, Func<Task> redraw, TimeProvider clock) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private long _lastRedraw = long.MinValue;
    private int _scheduled;

    public void Request()
    {
        if (_stop.IsCancellationRequested || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        _ = RunAsync();
    }

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
        catch (ObjectDisposedException)
        {
            // The page went away while its redraw was due.
        }
    }
}
