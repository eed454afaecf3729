using System.Diagnostics;
using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Core.Imaging;
using Wms.Core.Inference;
using Wms.Core.Reporting;
using Wms.Serving.Models;
using Wms.Serving.Uploads;

namespace Wms.Serving.Inference;

/// <summary>
/// The CPU work of one photo, run on an inference worker: decode, predict, encode the mask.
/// Decoding and encoding run on every worker at once; the model runs on at most
/// <see cref="InferenceQueueOptions.ConcurrentInferences"/> of them (see there why).
/// </summary>
internal sealed class PredictionPipeline(IOptions<ServingOptions> options, IOptions<InferenceQueueOptions> inference) : IDisposable
{
    private readonly SemaphoreSlim _inferences = new(inference.Value.ConcurrentInferences);

    public PredictionResult Run(UploadedImage image, LoadedModel model)
    {
        var start = Stopwatch.GetTimestamp();
        RgbImage photo;
        try
        {
            photo = ImageDecoder.DecodeRgb(image.Bytes.Span, image.Name, options.Value.MaxImagePixels);
        }
        catch (WmsException e)
        {
            throw new PredictionFailure(PredictionError.NotAnImage, e.Message);
        }
        Prediction prediction;
        _inferences.Wait();
        try
        {
            prediction = model.Engine.Predict(photo);
        }
        finally
        {
            _inferences.Release();
        }
        var png = MaskImages.EncodePng(prediction.Mask);
        return new PredictionResult(model.Descriptor, photo.Width, photo.Height, prediction.Mask.Width, png,
            prediction.CoveragePercent, prediction.Box, prediction.PhotoBox, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    public void Dispose() => _inferences.Dispose();
}
