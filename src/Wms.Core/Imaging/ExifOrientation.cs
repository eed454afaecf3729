namespace Wms.Core.Imaging;

/// <summary>
/// Turns stored pixels into the image a person sees, for the eight EXIF orientations, as PIL's
/// <c>ImageOps.exif_transpose</c> does. Phone photos are often stored sideways with tag 6 or 8.
/// </summary>
public static class ExifOrientation
{
    /// <summary>True when the orientation swaps width and height (5 to 8).</summary>
    public static bool SwapsAxes(int orientation) => orientation is >= 5 and <= 8;

    /// <summary>Applies <paramref name="orientation"/> (1 to 8) to interleaved pixels with <paramref name="channels"/> per pixel.</summary>
    public static (int Width, int Height, byte[] Pixels) Apply(int orientation, int width, int height, byte[] pixels, int channels)
    {
        if (orientation is <= 1 or > 8) return (width, height, pixels);
        var swap = SwapsAxes(orientation);
        int outW = swap ? height : width, outH = swap ? width : height;
        var dst = new byte[pixels.Length];
        for (var y = 0; y < outH; y++)
        {
            for (var x = 0; x < outW; x++)
            {
                // (sx, sy): the stored pixel shown at (x, y).
                var (sx, sy) = orientation switch
                {
                    2 => (width - 1 - x, y),
                    3 => (width - 1 - x, height - 1 - y),
                    4 => (x, height - 1 - y),
                    5 => (y, x),
                    6 => (y, height - 1 - x),
                    7 => (width - 1 - y, height - 1 - x),
                    _ => (width - 1 - y, x), // 8
                };
                Buffer.BlockCopy(pixels, (sy * width + sx) * channels, dst, (y * outW + x) * channels, channels);
            }
        }
        return (outW, outH, dst);
    }
}
