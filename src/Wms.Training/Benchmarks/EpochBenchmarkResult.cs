namespace Wms.Training.Benchmarks;

/// <summary>
/// Epochs (training and validation) two ways on the same data: the cached pipeline (decode once,
/// augment on background threads) and a loop that decodes every photo every epoch, as the original did.
/// </summary>
/// <param name="ImageSize">The size photos are cached and validated at.</param>
/// <param name="TrainingSampleSize">The side of the training samples: the crop when the options crop, else <paramref name="ImageSize"/>.</param>
public sealed record EpochBenchmarkResult(
    int ImageSize,
    int TrainingSampleSize,
    int BatchSize,
    int TrainPairs,
    int ValidationPairs,
    int BatchesPerEpoch,
    double CacheSeconds,
    IReadOnlyList<double> CachedEpochSeconds,
    IReadOnlyList<double> DecodingEpochSeconds,
    IReadOnlyList<EpochParts> CachedEpochParts)
{
    public double CachedMean => CachedEpochSeconds.Average();

    public double DecodingMean => DecodingEpochSeconds.Average();

    /// <summary>How many times faster a cached epoch is.</summary>
    public double Speedup => DecodingMean / CachedMean;
}

/// <summary>
/// Where a cached epoch's time went: the training steps (forward, backward, Adam) and the validation
/// pass; the rest of the epoch waited for augmented batches or ran the loop.
/// </summary>
public sealed record EpochParts(double StepSeconds, double ValidationSeconds);
