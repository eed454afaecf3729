using Wms.Core.Inference;

namespace Wms.Core.Predictions;

/// <summary>One photo's line in <c>predictions.json</c>: the result, or the error that stopped it.</summary>
/// <param name="File">The photo as named (relative to the workspace when inside it).</param>
/// <param name="Mask">The mask file's name in the output folder; null on error.</param>
/// <param name="Overlay">The overlay file's name, when asked for.</param>
/// <param name="Width">The photo's width (EXIF orientation applied).</param>
/// <param name="Height">The photo's height.</param>
/// <param name="MaskWidth">The mask file's width (the photo's or the model's).</param>
/// <param name="MaskHeight">The mask file's height.</param>
/// <param name="CoveragePercent">Share of the model's mask that is counter, in percent (as the API reports it).</param>
/// <param name="Box">The counter's bounding box in photo pixels; null when no counter was found.</param>
/// <param name="LatencyMs">Decode, preprocessing, inference and mask, in milliseconds (file reading and writing excluded).</param>
/// <param name="Error">Why the photo failed; null on success.</param>
public sealed record PhotoPrediction(
    string File,
    string? Mask,
    string? Overlay,
    int? Width,
    int? Height,
    int? MaskWidth,
    int? MaskHeight,
    double? CoveragePercent,
    MaskBox? Box,
    double? LatencyMs,
    string? Error)
{
    /// <summary>True when the photo was predicted and its files written.</summary>
    public bool Succeeded => Error is null;

    public static PhotoPrediction Failed(string file, string error) => new(file, null, null, null, null, null, null, null, null, null, error);
}
