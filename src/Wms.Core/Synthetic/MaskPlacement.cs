using SkiaSharp;
using Wms.Core.Imaging;

namespace Wms.Core.Synthetic;

/// <summary>Draws the mask: the window under the photo's own transform, or (mislabeled) moved elsewhere.</summary>
internal static class MaskPlacement
{
    private const int Attempts = 30;

    public static (SKMatrix Transform, bool Mislabeled) Choose(SynthRandom rng, MeterLayout layout, double mislabeledFraction)
    {
        if (!rng.Chance(mislabeledFraction)) return (layout.Transform, false);
        var corners = layout.WindowCorners();
        var bounds = Bounds(corners);
        for (var i = 0; i < Attempts; i++)
        {
            // Anywhere in the photo, as long as it misses the true window.
            var dx = rng.Range(-bounds.Left, layout.Width - bounds.Right);
            var dy = rng.Range(-bounds.Top, layout.Height - bounds.Bottom);
            var moved = bounds;
            moved.Offset(dx, dy);
            if (moved.IntersectsWith(bounds)) continue;
            return (SKMatrix.CreateTranslation(dx, dy).PreConcat(layout.Transform), true);
        }
        // The window fills too much of the photo to move it clear: mirror it instead.
        var mirror = SKMatrix.CreateScale(-1, -1, layout.Width / 2f, layout.Height / 2f);
        return (mirror.PreConcat(layout.Transform), true);
    }

    /// <summary>
    /// The mask of a convex quadrilateral: 255 exactly where a pixel's centre lies inside it
    /// (edge functions in double precision, no antialiasing), 0 elsewhere.
    /// </summary>
    public static GrayImage Rasterize(int width, int height, IReadOnlyList<SKPoint> quad)
    {
        var mask = new GrayImage(width, height);
        var area = 0.0;
        for (var i = 0; i < quad.Count; i++)
            area += (double)quad[i].X * quad[(i + 1) % quad.Count].Y - (double)quad[(i + 1) % quad.Count].X * quad[i].Y;
        var sign = Math.Sign(area);
        var x0 = Math.Max(0, (int)Math.Floor(quad.Min(p => p.X)));
        var x1 = Math.Min(width - 1, (int)Math.Ceiling(quad.Max(p => p.X)));
        var y0 = Math.Max(0, (int)Math.Floor(quad.Min(p => p.Y)));
        var y1 = Math.Min(height - 1, (int)Math.Ceiling(quad.Max(p => p.Y)));
        for (var y = y0; y <= y1; y++)
            for (var x = x0; x <= x1; x++)
                if (Inside(quad, x + 0.5, y + 0.5, sign)) mask.Pixels[y * width + x] = 255;
        return mask;
    }

    private static bool Inside(IReadOnlyList<SKPoint> quad, double x, double y, int sign)
    {
        for (var i = 0; i < quad.Count; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % quad.Count];
            if (sign * ((b.X - (double)a.X) * (y - a.Y) - (b.Y - (double)a.Y) * (x - a.X)) < 0) return false;
        }
        return true;
    }

    private static SKRect Bounds(SKPoint[] points) => new(
        points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
}
