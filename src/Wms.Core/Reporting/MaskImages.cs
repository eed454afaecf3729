using Wms.Core.Imaging;

namespace Wms.Core.Reporting;

/// <summary>
/// Binary masks for output: PNG files of 0/255, and resizing back to the photo's size.
/// Input masks are binary: 0 is background, anything else (1 or 255) is foreground; binarise
/// grey masks first with <see cref="Preprocessing.Binarize"/>.
/// </summary>
public static class MaskImages
{
    /// <summary>An 8-bit greyscale PNG: 255 where the mask is non-zero, 0 elsewhere.</summary>
    public static byte[] EncodePng(GrayImage mask) => ImageEncoder.EncodePng(ToGrey255(mask));

    /// <summary>A 0/1 (or 0/255) mask of the model's output, as a 0/255 PNG.</summary>
    public static byte[] EncodePng(ReadOnlySpan<byte> mask, int width, int height)
    {
        if (mask.Length != width * height)
            throw new ArgumentException($"mask has {mask.Length} pixels, {width}x{height} needs {width * height}", nameof(mask));
        return EncodePng(new GrayImage(width, height, mask.ToArray()));
    }

    /// <summary>Writes <see cref="EncodePng(GrayImage)"/> to <paramref name="path"/> atomically.</summary>
    public static void WritePng(string path, GrayImage mask) => AtomicFile.WriteAllBytes(path, EncodePng(mask));

    /// <summary>
    /// The mask at another size by nearest neighbour (Pillow's rule: the source pixel under each
    /// target pixel's centre), values kept as they are: use it to bring a 512x512 prediction back
    /// to the photo's size.
    /// </summary>
    public static GrayImage Resize(GrayImage mask, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        return mask.Width == width && mask.Height == height ? mask with { Pixels = (byte[])mask.Pixels.Clone() } : PilResize.Nearest(mask, width, height);
    }

    /// <summary>255 where non-zero, 0 elsewhere.</summary>
    public static GrayImage ToGrey255(GrayImage mask)
    {
        var pixels = new byte[mask.Pixels.Length];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = mask.Pixels[i] != 0 ? (byte)255 : (byte)0;
        return new GrayImage(mask.Width, mask.Height, pixels);
    }
}
