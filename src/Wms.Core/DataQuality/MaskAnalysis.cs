using Wms.Core.Imaging;

namespace Wms.Core.DataQuality;

/// <summary>
/// What a decoded mask looks like, from one pass over its pixels: how much of it is foreground
/// (grey >= 127, as training reads it), where the foreground's centre is, and whether it looks
/// like a mask at all (greyscale, nearly every pixel near black or white).
/// </summary>
public sealed record MaskAnalysis(int Width, int Height, long Foreground, double CentroidX, double CentroidY, double ColouredFraction, double MidGreyFraction)
{
    /// <summary>A pixel whose channels differ by more than this is coloured (JPEG noise in a grey mask stays far below).</summary>
    public const int ColourSpread = 40;

    /// <summary>Grey levels strictly between these are neither black nor white.</summary>
    public const byte MidLow = 50, MidHigh = 205;

    public double CoveragePercent => Width * (long)Height == 0 ? 0 : 100.0 * Foreground / (Width * (long)Height);

    /// <param name="grey">The mask as training reads it.</param>
    /// <param name="colour">Its RGB pixels when the file is in colour; null for a greyscale file.</param>
    public static MaskAnalysis Of(GrayImage grey, RgbImage? colour)
    {
        var (w, h) = (grey.Width, grey.Height);
        var pixels = grey.Pixels;
        long foreground = 0, mid = 0, sumX = 0, sumY = 0;
        for (var y = 0; y < h; y++)
        {
            var row = pixels.AsSpan(y * w, w);
            long rowCount = 0;
            for (var x = 0; x < row.Length; x++)
            {
                var g = row[x];
                if (g >= Preprocessing.MaskThreshold)
                {
                    rowCount++;
                    sumX += x;
                }
                if (g is > MidLow and < MidHigh) mid++;
            }
            foreground += rowCount;
            sumY += rowCount * y;
        }
        var total = Math.Max(1L, (long)w * h);
        return new MaskAnalysis(w, h, foreground,
            foreground == 0 ? 0.5 : ((double)sumX / foreground + 0.5) / w,
            foreground == 0 ? 0.5 : ((double)sumY / foreground + 0.5) / h,
            colour is null ? 0 : (double)CountColoured(colour.Pixels) / total,
            (double)mid / total);
    }

    private static long CountColoured(ReadOnlySpan<byte> rgb)
    {
        long coloured = 0;
        for (var i = 0; i + 2 < rgb.Length; i += 3)
        {
            int r = rgb[i], g = rgb[i + 1], b = rgb[i + 2];
            if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > ColourSpread) coloured++;
        }
        return coloured;
    }
}
