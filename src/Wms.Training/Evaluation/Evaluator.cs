using Wms.Core.Inference;
using Wms.Core.Quality;
using Wms.Training.Data;
using Wms.Training.Model;
using static TorchSharp.torch;

namespace Wms.Training.Evaluation;

/// <summary>
/// Runs a model over prepared samples in eval mode without gradients and scores every prediction
/// with <see cref="SegmentationMetrics"/>: validation each epoch, the test split after training,
/// and the gate's or <c>wms eval</c>'s re-evaluation of a stored model.
/// </summary>
public static class Evaluator
{
    /// <param name="prediction">Receives each sample's predicted 0/1 mask at the input size (for plots and reports); may be null.</param>
    /// <param name="loss">The loss reported per sample (the one training minimises).</param>
    /// <param name="scoreMasks">When given, the metrics compare the probabilities resized to its size
    /// (bilinear, then > 0.5) with its true masks, instead of the input-size masks.</param>
    /// <param name="postprocess">Applied to every predicted mask (scored and passed to <paramref name="prediction"/>) as the exported model will.</param>
    public static EvaluationResult Evaluate(UNet model, IReadOnlyList<PreparedSample> samples, int batchSize,
        bool hausdorff, Action<PreparedSample, byte[]>? prediction = null, CancellationToken cancellationToken = default,
        LossKind loss = LossKind.Bce, EvaluationMasks? scoreMasks = null, MaskPostprocess postprocess = MaskPostprocess.None)
    {
        model.eval();
        var results = new List<SampleEvaluation>(samples.Count);
        using var _ = no_grad();
        for (var start = 0; start < samples.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = Enumerable.Range(start, Math.Min(batchSize, samples.Count - start)).Select(i => samples[i]).ToList();
            var batch = SampleBatch.FromPrepared(chunk);
            double[] losses;
            byte[] masks;
            byte[]? scored = null;
            using (NewDisposeScope())
            {
                var (photos, truth) = BatchTensors.Create(batch);
                var logits = model.call(photos);
                losses = BatchTensors.LossPerSample(logits, truth, loss);
                masks = BatchTensors.Masks(logits);
                if (scoreMasks is not null) scored = BatchTensors.MasksAt(logits, scoreMasks.Size);
            }
            Postprocess(postprocess, masks, batch.Size);
            if (scored is not null) Postprocess(postprocess, scored, scoreMasks!.Size);
            var metrics = scoreMasks is null || scored is null
                ? Score(masks, chunk.Select(s => s.Mask).ToList(), batch.Size, hausdorff)
                : Score(scored, chunk.Select(s => scoreMasks.ByStem[s.Stem]).ToList(), scoreMasks.Size, hausdorff);
            for (var i = 0; i < chunk.Count; i++)
            {
                results.Add(new SampleEvaluation(chunk[i].Stem, losses[i], metrics[i]));
                prediction?.Invoke(chunk[i], masks.AsSpan(i * batch.Size * batch.Size, batch.Size * batch.Size).ToArray());
            }
        }
        var meanLoss = results.Count == 0 ? double.NaN : results.Average(r => r.Loss);
        return new EvaluationResult(meanLoss, MetricsSummary.Of(results.Select(r => r.Metrics)), results);
    }

    /// <summary>Applies <paramref name="postprocess"/> to each S x S mask of a batch.</summary>
    private static void Postprocess(MaskPostprocess postprocess, byte[] masks, int size)
    {
        if (postprocess == MaskPostprocess.None) return;
        var plane = size * size;
        Parallel.For(0, masks.Length / plane, i => LargestRegion.Apply(postprocess, masks.AsSpan(i * plane, plane), size));
    }

    /// <summary>Per-sample metrics of a batch of predicted masks (N x S x S) against the true ones, in parallel.</summary>
    public static SampleMetrics[] Score(byte[] predicted, IReadOnlyList<byte[]> truth, int size, bool hausdorff)
    {
        var plane = size * size;
        var metrics = new SampleMetrics[truth.Count];
        Parallel.For(0, truth.Count, i =>
            metrics[i] = SegmentationMetrics.Compute(predicted.AsSpan(i * plane, plane), truth[i], size, size, hausdorff));
        return metrics;
    }
}
