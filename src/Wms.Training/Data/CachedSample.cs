using Wms.Core.Imaging;

namespace Wms.Training.Data;

/// <summary>
/// A pair decoded and resized once: the photo after the preprocessing's resize (augmentation and
/// the rest of the preprocessing come per epoch) and the binary mask (0/1) at the same size.
/// </summary>
public sealed record CachedSample(string Stem, RgbImage Photo, byte[] Mask)
{
    public int Size => Photo.Width;

    /// <summary>The fully preprocessed photo, as evaluation and serving see it (no augmentation).</summary>
    public PreparedSample Prepare() => new(Stem, Preprocessing.StretchAndMedian(Photo), Mask, Size);
}
