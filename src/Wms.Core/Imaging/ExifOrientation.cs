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
        // Along an output row the source pixel moves by a fixed step, so each row is a strided
        // copy from (x0, y0). Rows run in parallel; tiles of 32 output rows keep the transposing
        // orientations (5 to 8) reading source rows that are still in cache.
        const int Tile = 32;
        Parallel.For(0, (outH + Tile - 1) / Tile, tile =>
        {
            for (var y = tile * Tile; y < Math.Min(outH, (tile + 1) * Tile); y++)
            {
                // (x0, y0): the stored pixel shown at (0, y); (dx, dy): its move per output x.
                var (x0, y0, dx, dy) = orientation switch
                {
                    2 => (width - 1, y, -1, 0),
                    3 => (width - 1, height - 1 - y, -1, 0),
                    4 => (0, height - 1 - y, 1, 0),
                    5 => (y, 0, 0, 1),
                    6 => (y, height - 1, 0, -1),
                    7 => (width - 1 - y, height - 1, 0, -1),
                    _ => (width - 1 - y, 0, 0, 1), // 8
                };
                CopyRow(pixels, (y0 * width + x0) * channels, (dy * width + dx) * channels, dst, y * outW * channels, outW, channels);
            }
        });
        return (outW, outH, dst);
    }

    private static unsafe void CopyRow(byte[] src, int start, int step, byte[] dst, int dstStart, int count, int channels)
    {
        fixed (byte* s0 = src, d0 = dst)
        {
            byte* s = s0 + start, d = d0 + dstStart;
            if (channels == 3)
            {
                for (var i = 0; i < count; i++, s += step, d += 3)
                {
                    d[0] = s[0];
                    d[1] = s[1];
                    d[2] = s[2];
                }
            }
            else
            {
                for (var i = 0; i < count; i++, s += step, d += channels)
                    for (var c = 0; c < channels; c++) d[c] = s[c];
            }
        }
    }
}
