using System.Threading.Channels;

namespace Wms.Training.Data;

/// <summary>
/// Augments training batches on background threads while the trainer works on the previous ones
/// (a bounded producer/consumer queue), so a training step never waits on image work. The order
/// and every augmentation are drawn from (seed, epoch, sample), hence the same on every run.
/// </summary>
public sealed class BatchProducer(IReadOnlyList<CachedSample> samples, Augmenter augmenter, int batchSize, int seed, int queueCapacity = 3)
{
    public int BatchesPerEpoch => (samples.Count + batchSize - 1) / batchSize;

    /// <summary>The sample order of an epoch: a seeded shuffle.</summary>
    public int[] Order(int epoch) => DeterministicRandom.For(seed, epoch, -1).Permutation(samples.Count);

    /// <summary>
    /// The epoch's batches, produced ahead on the thread pool. Leaving the loop early (a break,
    /// an exception, cancellation) stops the producer before this returns.
    /// </summary>
    public IEnumerable<SampleBatch> Epoch(int epoch, CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<SampleBatch>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(epoch, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            var reader = channel.Reader;
            while (reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var batch))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return batch;
                }
            }
            // Completion with an error is rethrown here (a bug in augmentation, not bad data).
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Cancelled because the consumer stopped early, or failed: then the channel already
                // handed the error to the reader above.
            }
        }
    }

    private async Task ProduceAsync(int epoch, ChannelWriter<SampleBatch> writer, CancellationToken cancellationToken)
    {
        try
        {
            var order = Order(epoch);
            for (var start = 0; start < order.Length; start += batchSize)
            {
                var indices = order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray();
                var batch = Build(epoch, indices);
                await writer.WriteAsync(batch, cancellationToken);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>One batch, its samples augmented in parallel.</summary>
    public SampleBatch Build(int epoch, IReadOnlyList<int> indices)
    {
        var size = augmenter.OutputSize(samples[0].Size);
        var batch = SampleBatch.Allocate(indices.Count, size, indices.Select(i => samples[i].Stem).ToList());
        Parallel.For(0, indices.Count, k =>
        {
            var index = indices[k];
            var augmented = augmenter.Apply(samples[index], DeterministicRandom.For(seed, epoch, index));
            batch.Fill(k, augmented.Chw, augmented.Mask, augmented.Brightness);
        });
        return batch;
    }
}
