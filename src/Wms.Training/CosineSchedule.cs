namespace Wms.Training;

/// <summary>The learning rate of each batch under <see cref="LearningRateSchedule.Cosine"/>.</summary>
/// <param name="TimeLimit">When set, the decay is driven by whichever is further along: the
/// batches or the training time, so a slow machine still ends the run annealed.</param>
internal sealed record CosineSchedule(double Peak, double Minimum, int WarmupSteps, int TotalSteps, TimeSpan? TimeLimit = null)
{
    public static CosineSchedule For(TrainingOptions options, int batchesPerEpoch) =>
        new(options.LearningRate, options.MinLearningRate, options.WarmupEpochs * batchesPerEpoch, options.Epochs * batchesPerEpoch,
            options.TimeLimitMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null);

    /// <param name="step">0-based index of the batch over the whole run.</param>
    /// <param name="elapsed">Training time so far.</param>
    public double At(int step, TimeSpan elapsed = default)
    {
        // Warm-up starts above zero so that the very first step already moves the weights.
        if (step < WarmupSteps) return Peak * (step + 1) / WarmupSteps;
        var decaySteps = Math.Max(1, TotalSteps - WarmupSteps - 1);
        var t = Math.Min(1.0, (double)(step - WarmupSteps) / decaySteps);
        if (TimeLimit is { } limit) t = Math.Max(t, Math.Min(1.0, elapsed / limit));
        return Minimum + (Peak - Minimum) * 0.5 * (1 + Math.Cos(Math.PI * t));
    }
}
