namespace AgentTrace.Tests.Support;

/// <summary>
/// A clock that moves only when a test moves it: wall time, timestamps (what intervals are measured with) and timers
/// (<c>Task.Delay</c>, <c>PeriodicTimer</c>, <c>WaitAsync</c> on this clock). <see cref="Advance"/> fires every timer
/// that falls due, in order, before it returns.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;
    private long _elapsedTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public void Advance(TimeSpan by)
    {
        long target;
        lock (_gate)
        {
            target = _elapsedTicks + by.Ticks;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueTicks <= target).MinBy(t => t.DueTicks);
                if (due is null)
                {
                    _now += TimeSpan.FromTicks(target - _elapsedTicks);
                    Interlocked.Exchange(ref _elapsedTicks, target);
                    return;
                }

                _now += TimeSpan.FromTicks(due.DueTicks!.Value - _elapsedTicks);
                Interlocked.Exchange(ref _elapsedTicks, due.DueTicks.Value);
                due.DueTicks = due.PeriodTicks is { } period ? due.DueTicks + period : null;
            }

            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        /// <summary>When it fires next, in the clock's timestamp ticks; null when stopped.</summary>
        public long? DueTicks { get; set; }

        public long? PeriodTicks { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                if (!clock._timers.Contains(this))
                {
                    clock._timers.Add(this);
                }

                DueTicks = dueTime == Timeout.InfiniteTimeSpan ? null : clock._elapsedTicks + Math.Max(0, dueTime.Ticks);
                PeriodTicks = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period.Ticks;
            }

            return true;
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
