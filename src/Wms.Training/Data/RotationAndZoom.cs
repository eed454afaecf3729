using Wms.Core.Imaging;

namespace Wms.Training.Data;

/// <summary>
/// Rotation about the image centre, counter-clockwise for positive angles (as PIL and torchvision),
/// and zoom about it by <c>scale</c> (above 1 enlarges), keeping the size; whatever comes from
/// outside the source is 0. The photo is sampled bilinearly, the mask by nearest neighbour, over
/// the same source footprint, so they stay aligned.
/// </summary>
public static class RotationAndZoom
{
    public static RgbImage Bilinear(RgbImage image, double degrees, double scale = 1)
    {
        int w = image.Width, h = image.Height;
        var src = image.Pixels;
        var dst = new byte[src.Length];
        var (cos, sin, cx, cy) = Setup(degrees, scale, w, h);
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++)
            {
                var (sx, sy) = Source(x, y, cos, sin, cx, cy);
                if (!Inside(sx, sy, w, h)) continue;
                var x0 = (int)Math.Floor(sx);
                var y0 = (int)Math.Floor(sy);
                var fx = sx - x0;
                var fy = sy - y0;
                int xa = Math.Clamp(x0, 0, w - 1), xb = Math.Clamp(x0 + 1, 0, w - 1);
                int ya = Math.Clamp(y0, 0, h - 1), yb = Math.Clamp(y0 + 1, 0, h - 1);
                var o = (y * w + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    var top = src[(ya * w + xa) * 3 + c] * (1 - fx) + src[(ya * w + xb) * 3 + c] * fx;
                    var bottom = src[(yb * w + xa) * 3 + c] * (1 - fx) + src[(yb * w + xb) * 3 + c] * fx;
                    dst[o + c] = (byte)Math.Clamp((int)Math.Round(top * (1 - fy) + bottom * fy), 0, 255);
                }
            }
        });
        return new RgbImage(w, h, dst);
    }

    public static byte[] Nearest(byte[] mask, int width, int height, double degrees, double scale = 1)
    {
        var dst = new byte[mask.Length];
        var (cos, sin, cx, cy) = Setup(degrees, scale, width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = Source(x, y, cos, sin, cx, cy);
                if (!Inside(sx, sy, width, height)) continue;
                dst[y * width + x] = mask[(int)Math.Floor(sy + 0.5) * width + (int)Math.Floor(sx + 0.5)];
            }
        }
        return dst;
    }

    /// <summary>The inverse transform's cosine and sine, already divided by the scale, and the centre.</summary>
    private static (double Cos, double Sin, double Cx, double Cy) Setup(double degrees, double scale, int w, int h)
    {
        if (!(scale > 0 && double.IsFinite(scale))) throw new ArgumentOutOfRangeException(nameof(scale), scale, "must be greater than 0");
        var radians = degrees * Math.PI / 180;
        // Snap to exact values so multiples of 90 degrees are exact permutations.
        var cos = Math.Round(Math.Cos(radians), 12);
        var sin = Math.Round(Math.Sin(radians), 12);
        return (cos / scale, sin / scale, (w - 1) / 2.0, (h - 1) / 2.0);
    }

    /// <summary>Where output pixel (x, y) comes from: the inverse rotation and zoom (y points down, so counter-clockwise on screen).</summary>
    private static (double X, double Y) Source(int x, int y, double cos, double sin, double cx, double cy)
    {
        double dx = x - cx, dy = y - cy;
        return (cx + cos * dx - sin * dy, cy + sin * dx + cos * dy);
    }

    /// <summary>Inside the source's pixel footprint [-0.5, size - 0.5): the same test for photo and mask.</summary>
    private static bool Inside(double sx, double sy, int w, int h) =>
        sx >= -0.5 && sx < w - 0.5 && sy >= -0.5 && sy < h - 0.5;
}
