using Wms.Tests.Shared;
using Wms.Training.Data;
using Xunit;

namespace Wms.Training.Tests.Data;

public sealed class BatchProducerTests
{
    private static List<CachedSample> Samples(int count) => Enumerable.Range(0, count).Select(i =>
    {
        var (photo, mask) = TestImages.Scene(16, 16, i);
        return new CachedSample($"s{i:D2}", photo, Wms.Core.Imaging.Preprocessing.Binarize(mask.Pixels));
    }).ToList();

    [Fact]
    public void With_a_crop_the_batches_are_windows_of_the_crop_size()
    {
        var producer = new BatchProducer(Samples(6), new Augmenter(new AugmentationOptions { CropSize = 8 }), batchSize: 4, seed: 1);
        var batches = producer.Epoch(1, TestContext.Current.CancellationToken).ToList();
        Assert.All(batches, b => Assert.Equal(8, b.Size));
        Assert.Equal([4 * 3 * 64, 2 * 3 * 64], batches.Select(b => b.Photos.Length));
        Assert.Equal([4 * 64, 2 * 64], batches.Select(b => b.Masks.Length));
    }

    [Fact]
    public void Each_epoch_yields_every_sample_once_in_a_seeded_order()
    {
        var producer = new BatchProducer(Samples(10), new Augmenter(new AugmentationOptions()), batchSize: 4, seed: 1);
        var epoch1 = producer.Epoch(1, TestContext.Current.CancellationToken).ToList();
        Assert.Equal([4, 4, 2], epoch1.Select(b => b.Count));
        var stems = epoch1.SelectMany(b => b.Stems).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"s{i:D2}"), stems.Order());

        var epoch2 = producer.Epoch(2, TestContext.Current.CancellationToken).SelectMany(b => b.Stems).ToList();
        Assert.NotEqual(stems, epoch2);

        var again = new BatchProducer(Samples(10), new Augmenter(new AugmentationOptions()), 4, 1).Epoch(1, TestContext.Current.CancellationToken).ToList();
        Assert.Equal(stems, again.SelectMany(b => b.Stems));
        Assert.Equal(epoch1[0].Photos, again[0].Photos);
        Assert.Equal(epoch1[0].Masks, again[0].Masks);
    }

    [Fact]
    public void Leaving_an_epoch_early_stops_the_producer()
    {
        var producer = new BatchProducer(Samples(40), new Augmenter(new AugmentationOptions()), 2, 1, queueCapacity: 1);
        var first = producer.Epoch(1, TestContext.Current.CancellationToken).First();
        Assert.Equal(2, first.Count);
        // A second enumeration works: nothing was left running or blocked.
        Assert.Equal(20, producer.Epoch(1, TestContext.Current.CancellationToken).Count());
    }

    [Fact]
    public void Cancellation_ends_the_epoch()
    {
        using var cts = new CancellationTokenSource();
        var producer = new BatchProducer(Samples(40), new Augmenter(new AugmentationOptions()), 2, 1, queueCapacity: 1);
        var seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in producer.Epoch(1, cts.Token))
            {
                if (++seen == 3) cts.Cancel();
            }
        });
        Assert.Equal(3, seen);
    }
}
