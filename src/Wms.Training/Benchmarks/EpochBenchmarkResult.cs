namespace Wms.Training.Benchmarks;

/// <summary>
/// Epochs (training and validation) two ways on the same data: the cached pipeline (decode once,
/// augment on background threads) and a loop that decodes every photo every epoch, as the original did.
/// </summary>
public sealed record EpochBenchmarkResult(
    int TrainPairs,
    int ValidationPairs,
    int BatchesPerEpoch,
    double CacheSeconds,
    IReadOnlyList<double> CachedEpochSeconds,
    IReadOnlyList<double> DecodingEpochSeconds)
{
    public double CachedMean => CachedEpochSeconds.Average();

    public double DecodingMean => DecodingEpochSeconds.Average();

    /// <summary>How many times faster a cached epoch is.</summary>
    public double Speedup => DecodingMean / CachedMean;
}
