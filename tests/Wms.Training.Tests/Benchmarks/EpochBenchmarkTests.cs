using Wms.Tests.Shared;
using Wms.Training.Benchmarks;
using Wms.Training.Data;
using Xunit;

namespace Wms.Training.Tests.Benchmarks;

public sealed class EpochBenchmarkTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(32)]
    public void Both_loops_run_every_epoch_with_or_without_crops(int? crop)
    {
        using var temp = new TempDirectory();
        var pairs = DatasetFolder.Scan(TestImages.CreateDataset(temp.Path, 12));
        var options = new TrainingOptions
        {
            ImageSize = 64, BatchSize = 4, Threads = 1, Seed = 2, Augmentation = new AugmentationOptions { CropSize = crop },
        };

        var result = EpochBenchmark.Run(pairs, options, epochs: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((10, 3), (result.TrainPairs, result.BatchesPerEpoch));
        Assert.Equal(2, result.CachedEpochSeconds.Count);
        Assert.Equal(2, result.DecodingEpochSeconds.Count);
        Assert.All(result.CachedEpochSeconds.Concat(result.DecodingEpochSeconds), s => Assert.True(s > 0));
        // The parts of each cached epoch are within it.
        Assert.All(result.CachedEpochSeconds.Zip(result.CachedEpochParts), e =>
            Assert.True(e.Second.StepSeconds > 0 && e.Second.ValidationSeconds > 0 && e.Second.StepSeconds + e.Second.ValidationSeconds <= e.First, $"{e}"));
    }
}
