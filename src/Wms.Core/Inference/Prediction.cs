using Wms.Core.Imaging;

namespace Wms.Core.Inference;

/// <summary>One photo's segmentation.</summary>
/// <param name="Mask">0/255 at the model's size (512x512 for the original model), as the original API returned it.</param>
/// <param name="PhotoMask">0/255 at the photo's size (nearest-neighbour), when asked for.</param>
/// <param name="CoveragePercent">Share of the mask that is counter, in percent.</param>
/// <param name="Box">Bounding box of the counter in <see cref="Mask"/>; null when nothing was found.</param>
/// <param name="PhotoBox">The photo pixels the box maps to under the nearest-neighbour resize (the box of
/// <see cref="PhotoMask"/> whenever the photo is at least the mask's size, as phone photos are).</param>
public sealed record Prediction(
    GrayImage Mask,
    GrayImage? PhotoMask,
    int PhotoWidth,
    int PhotoHeight,
    double CoveragePercent,
    MaskBox? Box,
    MaskBox? PhotoBox,
    PredictionTimings Timings);
