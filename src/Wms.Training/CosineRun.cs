namespace Wms.Training;

/// <summary>
/// One run's walk down a <see cref="CosineSchedule"/>: when its decay began (the clock's share of
/// the decay counts from the first decaying batch) and from which epoch the clock set the rate.
/// </summary>
internal sealed class CosineRun(CosineSchedule schedule)
{
    private TimeSpan? _warmupTime;

    /// <summary>The first epoch whose rate the clock set; null while the batches alone set it.</summary>
    public int? FollowedClockFrom { get; private set; }

    /// <summary>The rate of batch <paramref name="step"/> of <paramref name="epoch"/>, <paramref name="elapsed"/> into training.</summary>
    public double Rate(int step, TimeSpan elapsed, int epoch)
    {
        if (step >= schedule.WarmupSteps) _warmupTime ??= elapsed;
        var warmupTime = _warmupTime ?? elapsed;
        if (FollowedClockFrom is null && schedule.FollowsClock(step, elapsed, warmupTime)) FollowedClockFrom = epoch;
        return schedule.At(step, elapsed, warmupTime);
    }

    /// <summary>The rate batch <paramref name="step"/> would get now, for the record, changing nothing.</summary>
    public double Peek(int step, TimeSpan elapsed) => schedule.At(step, elapsed, _warmupTime ?? elapsed);
}
