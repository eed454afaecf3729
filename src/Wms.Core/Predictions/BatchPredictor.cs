using System.Diagnostics;
using Wms.Core.Imaging;
using Wms.Core.Inference;
using Wms.Core.Reporting;

namespace Wms.Core.Predictions;

/// <summary>
/// <c>wms predict</c>'s work: every photo through the one <see cref="SegmentationEngine"/>, its
/// mask (and overlay) written atomically. A photo that fails (unreadable, not an image, too many
/// pixels, cannot be written) is recorded with its error and the others go on.
/// </summary>
public static class BatchPredictor
{
    /// <summary>Predicts <paramref name="photos"/>; the results come back in input order.</summary>
    /// <param name="progress">Told after each photo (from worker threads).</param>
    public static IReadOnlyList<PhotoPrediction> Run(SegmentationEngine engine, IReadOnlyList<InputPhoto> photos, BatchPredictionOptions options,
        IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PhotosInParallel, 1);
        Directory.CreateDirectory(options.OutputDirectory);
        var results = new PhotoPrediction[photos.Count];
        var done = 0;
        Parallel.For(0, photos.Count, new ParallelOptions { MaxDegreeOfParallelism = options.PhotosInParallel, CancellationToken = cancellationToken }, i =>
        {
            results[i] = PredictOne(engine, photos[i], options);
            progress?.Report(new ProgressReport(photos[i].Name, Interlocked.Increment(ref done), photos.Count));
        });
        return results;
    }

    private static PhotoPrediction PredictOne(SegmentationEngine engine, InputPhoto input, BatchPredictionOptions options)
    {
        try
        {
            var encoded = ImageDecoder.ReadFile(input.Path);
            var start = Stopwatch.GetTimestamp();
            var photo = ImageDecoder.DecodeRgb(encoded, input.Name, options.MaxPixels);
            var prediction = engine.Predict(photo, maskAtPhotoSize: options.MaskSize == MaskSize.Photo);
            var latency = Stopwatch.GetElapsedTime(start);

            var mask = prediction.PhotoMask ?? prediction.Mask;
            var maskName = OutputNames.Mask(input.OutputStem);
            MaskImages.WritePng(Path.Combine(options.OutputDirectory, maskName), mask);
            string? overlayName = null;
            if (options.Overlay)
            {
                overlayName = OutputNames.Overlay(input.OutputStem, input.Path);
                var bytes = overlayName.EndsWith(".png", StringComparison.Ordinal)
                    ? MaskOverlay.RenderPng(photo, mask)
                    : MaskOverlay.RenderJpeg(photo, mask);
                AtomicFile.WriteAllBytes(Path.Combine(options.OutputDirectory, overlayName), bytes);
            }
            return new PhotoPrediction(input.Name, maskName, overlayName, photo.Width, photo.Height, mask.Width, mask.Height,
                Math.Round(prediction.CoveragePercent, 4), prediction.PhotoBox, Math.Round(latency.TotalMilliseconds, 2), null);
        }
        catch (WmsException e)
        {
            // A mask left from an earlier run would contradict predictions.json.
            AtomicFile.TryDelete(Path.Combine(options.OutputDirectory, OutputNames.Mask(input.OutputStem)));
            AtomicFile.TryDelete(Path.Combine(options.OutputDirectory, OutputNames.Overlay(input.OutputStem, input.Path)));
            return PhotoPrediction.Failed(input.Name, e.Message);
        }
    }
}
