using Wms.Core.Inference;
using Wms.Serving.Models;

namespace Wms.Serving.Inference;

/// <summary>One photo's prediction, ready for the response.</summary>
/// <param name="Model">The model that made it (the one in service when its worker started).</param>
/// <param name="InputWidth">The photo's width as a person sees it (EXIF orientation applied).</param>
/// <param name="InputHeight">The photo's height, likewise.</param>
/// <param name="OutputSize">The mask's side (512).</param>
/// <param name="MaskPng">The mask as an 8-bit greyscale PNG, 0 or 255.</param>
/// <param name="CoveragePercent">Share of mask pixels that are counter.</param>
/// <param name="Box">The counter's bounding box in mask pixels; null when the mask is empty.</param>
/// <param name="PhotoBox">The same box in the photo's pixels.</param>
/// <param name="LatencySeconds">Decoding, preprocessing, inference and PNG encoding (no queue wait).</param>
public sealed record PredictionResult(ModelDescriptor Model, int InputWidth, int InputHeight, int OutputSize,
    byte[] MaskPng, double CoveragePercent, MaskBox? Box, MaskBox? PhotoBox, double LatencySeconds);
