using SkiaSharp;
using Wms.Core.Imaging;

namespace Wms.Core.Synthetic;

/// <summary>
/// One rendered synthetic photo with its exact mask.
/// </summary>
/// <param name="Stem">File stem shared by the photo and the mask, e.g. <c>synth_7_00012</c>.</param>
/// <param name="Photo">The photo as rendered, before JPEG compression.</param>
/// <param name="Mask">The mask at the photo's size: 255 inside the counter window, 0 elsewhere.</param>
/// <param name="Window">The window's four corners in photo pixels (where the mask would be if it were correct).</param>
/// <param name="Reading">The digits shown in the counter, left to right.</param>
/// <param name="Mislabeled">True when the mask was deliberately put in the wrong place (<see cref="SyntheticOptions.MislabeledFraction"/>).</param>
/// <param name="JpegQuality">The JPEG quality <see cref="EncodePhoto"/> uses (lower with more noise).</param>
public sealed record SyntheticSample(
    string Stem, RgbImage Photo, GrayImage Mask, IReadOnlyList<SKPoint> Window, string Reading, bool Mislabeled, int JpegQuality)
{
    /// <summary>The photo as it is written to <c>images/STEM.jpg</c>.</summary>
    public byte[] EncodePhoto() => ImageEncoder.EncodeJpeg(Photo, JpegQuality);

    /// <summary>The mask as it is written to <c>masks/STEM.png</c> (8-bit greyscale, values 0 and 255 only).</summary>
    public byte[] EncodeMask() => ImageEncoder.EncodePng(Mask);
}
