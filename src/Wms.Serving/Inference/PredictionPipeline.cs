using System.Diagnostics;
using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Core.Imaging;
using Wms.Serving.Models;
using Wms.Serving.Uploads;

namespace Wms.Serving.Inference;

/// <summary>The CPU work of one photo, run on an inference worker: decode, predict, encode the mask.</summary>
internal sealed class PredictionPipeline(IOptions<ServingOptions> options)
{
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
        var prediction = model.Engine.Predict(photo);
        var png = MaskPng.Encode(prediction.Mask, prediction.Size);
        return new PredictionResult(model.Descriptor, photo.Width, photo.Height, prediction.Size, png,
            prediction.CoveragePercent, prediction.Box, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
