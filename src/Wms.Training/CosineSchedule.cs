namespace Wms.Training;

/// <summary>The learning rate of each batch under <see cref="LearningRateSchedule.Cosine"/>.</summary>
/// <param name="TimeLimit">When set, the decay is driven by whichever is further along: the
/// batches or the clock, so a slow machine still ends the run annealed. The clock counts from the
/// warm-up's end, against the time the limit leaves from there: a run whose decay fits is driven by
/// its batches alone, from its first decaying batch to its last, and a rerun repeats it.</param>
internal sealed record CosineSchedule(double Peak, double Minimum, int WarmupSteps, int TotalSteps, TimeSpan? TimeLimit = null)
{
    public static CosineSchedule For(TrainingOptions options, int batchesPerEpoch) =>
        new(options.LearningRate, options.MinLearningRate, options.WarmupEpochs * batchesPerEpoch, options.Epochs * batchesPerEpoch,
            options.TimeLimitMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null);

    /// <param name="step">0-based index of the batch over the whole run.</param>
    /// <param name="elapsed">Training time so far.</param>
    /// <param name="warmupTime">The training time when the decay began (the warm-up's end).</param>
    public double At(int step, TimeSpan elapsed = default, TimeSpan warmupTime = default)
    {
        // Warm-up starts above zero so that the very first step already moves the weights.
        if (step < WarmupSteps) return Peak * (step + 1) / WarmupSteps;
        var t = Math.Max(BatchProgress(step), ClockProgress(elapsed, warmupTime));
        return Minimum + (Peak - Minimum) * 0.5 * (1 + Math.Cos(Math.PI * t));
    }

    /// <summary>
    /// True when the clock, not the batches, sets the rate of this step: a rerun, whose epochs
    /// never take exactly as long, then does not repeat the run.
    /// </summary>
    public bool FollowsClock(int step, TimeSpan elapsed, TimeSpan warmupTime = default) =>
        step >= WarmupSteps && ClockProgress(elapsed, warmupTime) > BatchProgress(step);

    private double BatchProgress(int step) => Math.Min(1.0, (double)(step - WarmupSteps) / Math.Max(1, TotalSteps - WarmupSteps - 1));

    // Counted from the warm-up's end: counted from the start, the clock led every run for its first
    // decaying epochs (the warm-up's time counted, its batches did not), so no two runs matched.
    private double ClockProgress(TimeSpan elapsed, TimeSpan warmupTime) => TimeLimit is not { } limit ? 0
        : limit <= warmupTime ? 1.0
        : Math.Clamp((elapsed - warmupTime) / (limit - warmupTime), 0, 1);
}
