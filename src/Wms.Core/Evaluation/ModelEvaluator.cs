using Wms.Core.Imaging;
using Wms.Core.Inference;
using Wms.Core.Models;
using Wms.Core.Quality;

namespace Wms.Core.Evaluation;

/// <summary>
/// Scores a stored model on photo/mask pairs through the ONNX engine (no TorchSharp): each photo
/// goes through the training's <see cref="Preprocessing.Prepare"/> at the model's input size; the
/// predicted probabilities are resized bilinearly to the mask size (when it differs), thresholded
/// at 0.5 and post-processed as the model records (<see cref="SegmentationEngine.Postprocess"/>);
/// the true mask is <see cref="Preprocessing.PrepareMask"/> at the mask size. So models of
/// different input sizes are compared on the very same 512x512 masks, as the original measured.
/// </summary>
public sealed class ModelEvaluator(SegmentationEngine engine, EvaluationOptions? options = null)
{
    private readonly EvaluationOptions _options = options ?? new EvaluationOptions();

    /// <summary>The size predicted and true masks are compared at.</summary>
    public int MaskSize => _options.MaskSize;

    /// <summary>
    /// Scores every pair, in order. A photo or mask that cannot be read, or whose sizes differ, is a
    /// <see cref="WmsException"/> (DataInvalid) naming the file: never a silent skip.
    /// </summary>
    /// <param name="progress">Called with (scored, total) as photos finish, one call at a time.</param>
    public ModelEvaluation Evaluate(IReadOnlyList<EvaluationPair> pairs, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_options.MaskSize < 16)
            throw new WmsException($"mask size must be at least 16, not {_options.MaskSize}");
        var results = new PhotoEvaluation[pairs.Count];
        var done = 0;
        var gate = new Lock();
        try
        {
            Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, i =>
            {
                var pair = pairs[i];
                var (photo, truth) = Load(pair);
                var predicted = PredictMask(photo);
                var metrics = SegmentationMetrics.Compute(predicted, truth, _options.MaskSize, _options.MaskSize, _options.Hausdorff);
                results[i] = new PhotoEvaluation(pair.Stem, pair.PhotoPath, pair.MaskPath, metrics);
                lock (gate) progress?.Invoke(++done, pairs.Count);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<WmsException>().FirstOrDefault() is { } first)
        {
            // The first bad file, as one clear message, not a list of parallel failures.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
        return new ModelEvaluation(MetricsSummary.Of(results.Select(r => r.Metrics)), results, engine.ImageSize, _options.MaskSize);
    }

    /// <summary>The predicted 0/1 mask of a decoded photo at <see cref="MaskSize"/>.</summary>
    public byte[] PredictMask(RgbImage photo)
    {
        var size = engine.ImageSize;
        var logits = engine.RunLogits(Preprocessing.ToTensor(Preprocessing.Prepare(photo, size)), 1);
        return MaskAnalysis.Predicted(logits, size, _options.MaskSize, engine.Postprocess, foreground: 1);
    }

    /// <summary>The true 0/1 mask of a pair at <see cref="MaskSize"/>, with the decoded photo.</summary>
    public (RgbImage Photo, byte[] TrueMask) Load(EvaluationPair pair)
    {
        var photo = ImageDecoder.DecodeRgb(pair.PhotoPath);
        var mask = ImageDecoder.DecodeGray(pair.MaskPath);
        if (mask.Width != photo.Width || mask.Height != photo.Height)
            throw new WmsException($"{pair.MaskPath}: mask is {mask.Width}x{mask.Height} but its photo {Path.GetFileName(pair.PhotoPath)} is {photo.Width}x{photo.Height} (after EXIF orientation)",
                WmsErrorKind.DataInvalid);
        return (photo, Preprocessing.PrepareMask(mask, _options.MaskSize));
    }
}
