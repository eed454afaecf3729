namespace Wms.Core.Imaging;

/// <summary>
/// The one preprocessing of REFERENCE.md §2, used by training, evaluation and serving alike so
/// there is no train/serve skew: RGB, bilinear resize (Pillow's), joint 2-98 percentile stretch,
/// 3x3 median on the truncated uint8 image, /255, CHW. Every step is 8-bit in, 8-bit out, so a
/// prepared photo is held as bytes (<see cref="Prepare"/>) and turned into floats last.
/// </summary>
public static class Preprocessing
{
    /// <summary>The original's input size.</summary>
    public const int DefaultSize = 512;

    /// <summary>Mask pixels at or above this grey level are foreground (JPEG masks have grey edges).</summary>
    public const byte MaskThreshold = 127;

    /// <summary>Decoded photo to the model's input, as CHW bytes; the tensor is these / 255.</summary>
    public static byte[] Prepare(RgbImage photo, int size = DefaultSize) =>
        StretchAndMedian(Resize(photo, size));

    /// <summary>The first step alone: Pillow-exact bilinear resize to size x size.</summary>
    public static RgbImage Resize(RgbImage photo, int size) => PilResize.Bilinear(photo, size, size);

    /// <summary>The steps after resizing (and after augmentation when training): stretch, median, CHW.</summary>
    public static byte[] StretchAndMedian(RgbImage image)
    {
        var interleaved = (byte[])image.Pixels.Clone();
        ContrastStretch.Apply(interleaved);

        var plane = image.Width * image.Height;
        var planes = new byte[plane * 3];
        for (var i = 0; i < plane; i++)
        {
            planes[i] = interleaved[i * 3];
            planes[plane + i] = interleaved[i * 3 + 1];
            planes[2 * plane + i] = interleaved[i * 3 + 2];
        }
        var chw = new byte[planes.Length];
        for (var c = 0; c < 3; c++)
            MedianFilter.Median3x3(planes.AsSpan(c * plane, plane), chw.AsSpan(c * plane, plane), image.Width, image.Height);
        return chw;
    }

    /// <summary>CHW bytes to the float32 tensor values: <c>x / 255</c>.</summary>
    public static void ToTensor(ReadOnlySpan<byte> chw, Span<float> destination)
    {
        for (var i = 0; i < chw.Length; i++) destination[i] = chw[i] / 255f;
    }

    public static float[] ToTensor(ReadOnlySpan<byte> chw)
    {
        var result = new float[chw.Length];
        ToTensor(chw, result);
        return result;
    }

    /// <summary>A mask at size x size: nearest-neighbour resize, then 1 where grey >= 127, else 0.</summary>
    public static byte[] PrepareMask(GrayImage mask, int size = DefaultSize)
    {
        var resized = PilResize.Nearest(mask, size, size);
        return Binarize(resized.Pixels);
    }

    /// <summary>1 where grey >= 127, else 0.</summary>
    public static byte[] Binarize(ReadOnlySpan<byte> grey)
    {
        var result = new byte[grey.Length];
        for (var i = 0; i < grey.Length; i++) result[i] = grey[i] >= MaskThreshold ? (byte)1 : (byte)0;
        return result;
    }
}
