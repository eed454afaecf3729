using Wms.Core.Imaging;

namespace Wms.Core.Reporting;

/// <summary>
/// One row of an <see cref="ImageGrid"/>: a photo, its true mask (null when unlabelled) and the
/// predicted mask. Masks are binary (0 background, non-zero foreground) at any size: they are
/// stretched over the photo, as the model's square output covers the whole photo.
/// </summary>
/// <param name="Caption">Text above the row, e.g. <c>"id_12  Dice 0.913"</c>.</param>
public sealed record GridRow(string Caption, RgbImage Photo, GrayImage? TrueMask, GrayImage PredictedMask);
