namespace Wms.Core.Tests.Infra;

/// <summary>
/// A clock whose timers fire at once, moving time forward by their due time: code that polls
/// every 10 s for 15 min runs in microseconds, and time still only moves forward. Tests can also
/// move it by hand (<see cref="Advance"/>), e.g. past a lease's expiry.
/// </summary>
public sealed class AutoClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public AutoClock() : this(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    // Elapsed-time measurements (GetElapsedTime) follow the same clock.
    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
