using Xunit;

namespace Wms.Training.Tests.Training;

public sealed class CosineScheduleTests
{
    [Fact]
    public void Warm_up_rises_linearly_then_the_rate_decays_to_the_minimum_at_the_last_batch()
    {
        var schedule = new CosineSchedule(Peak: 1e-3, Minimum: 1e-5, WarmupSteps: 4, TotalSteps: 14);

        Assert.Equal([2.5e-4, 5e-4, 7.5e-4, 1e-3], Enumerable.Range(0, 4).Select(s => schedule.At(s)), new ToleranceComparer(1e-15));
        Assert.Equal(1e-3, schedule.At(4), 15);
        // Halfway through the decay (steps 4..13): the mean of peak and minimum.
        Assert.Equal((1e-3 + 1e-5) / 2, new CosineSchedule(1e-3, 1e-5, 4, 15).At(9), 15);
        Assert.Equal(1e-5, schedule.At(13), 15);
        Assert.Equal(1e-5, schedule.At(100), 15);
        var decay = Enumerable.Range(4, 10).Select(s => schedule.At(s)).ToList();
        Assert.Equal(decay.OrderDescending(), decay);
    }

    [Fact]
    public void With_a_time_limit_the_decay_follows_the_clock_when_that_is_further_along()
    {
        var schedule = new CosineSchedule(1e-3, 0, 0, 100, TimeSpan.FromMinutes(10));

        Assert.Equal(schedule.At(10), schedule.At(10, TimeSpan.FromMinutes(0.5)), 15);
        Assert.Equal(5e-4, schedule.At(10, TimeSpan.FromMinutes(5)), 15);
        Assert.Equal(0, schedule.At(10, TimeSpan.FromMinutes(11)), 15);

        Assert.False(schedule.FollowsClock(10, TimeSpan.FromMinutes(0.5)));
        Assert.True(schedule.FollowsClock(10, TimeSpan.FromMinutes(5)));
        Assert.False(new CosineSchedule(1e-3, 0, 0, 100).FollowsClock(99, TimeSpan.FromDays(1)), "without a time limit only the batches count");
        Assert.False(new CosineSchedule(1e-3, 0, 20, 100, TimeSpan.FromMinutes(10)).FollowsClock(10, TimeSpan.FromMinutes(5)), "the warm-up is by batches");
    }

    [Fact]
    public void The_clock_counts_from_the_end_of_the_warm_up_so_a_decay_that_fits_follows_the_batches_alone()
    {
        // 10 warm-up batches took 2 of the 10 minutes; the 100 decaying batches then fit in the 8 left.
        var schedule = new CosineSchedule(1e-3, 0, WarmupSteps: 10, TotalSteps: 111, TimeSpan.FromMinutes(10));
        var warmup = TimeSpan.FromMinutes(2);

        // The first decaying batch, and halfway through the decay just inside the time that leaves.
        Assert.False(schedule.FollowsClock(10, warmup, warmup));
        Assert.Equal(1e-3, schedule.At(10, warmup, warmup), 15);
        Assert.False(schedule.FollowsClock(60, TimeSpan.FromMinutes(5.9), warmup));
        Assert.Equal(5e-4, schedule.At(60, TimeSpan.FromMinutes(5.9), warmup), 15);
        // Slower than that, the clock takes over, and the rate still reaches its end by the limit.
        Assert.True(schedule.FollowsClock(60, TimeSpan.FromMinutes(7), warmup));
        Assert.Equal(0, schedule.At(60, TimeSpan.FromMinutes(10), warmup), 15);
        Assert.Equal(0, schedule.At(60, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(11)), 15);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
